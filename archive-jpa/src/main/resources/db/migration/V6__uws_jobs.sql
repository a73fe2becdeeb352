-- UWS jobs (UWS 1.1): the job, its parameters, results and phase history.
-- Element tables cascade so that deleting a job row removes all of it.
CREATE TABLE uws_job (
    job_id             text PRIMARY KEY,
    job_list           text NOT NULL,
    run_id             text,
    owner_id           text,
    phase              text NOT NULL CHECK (phase IN ('PENDING', 'QUEUED', 'EXECUTING', 'COMPLETED', 'ERROR',
                           'ABORTED', 'UNKNOWN', 'HELD', 'SUSPENDED', 'ARCHIVED')),
    queue              text NOT NULL,
    creation_time      timestamptz NOT NULL,
    start_time         timestamptz,
    end_time           timestamptz,
    execution_duration bigint NOT NULL CHECK (execution_duration >= 0),
    destruction        timestamptz NOT NULL,
    error_type         text CHECK (error_type IN ('TRANSIENT', 'FATAL')),
    error_message      text,
    result_bytes       bigint NOT NULL DEFAULT 0
);
CREATE INDEX uws_job_owner ON uws_job (job_list, owner_id, creation_time);
CREATE INDEX uws_job_destruction ON uws_job (destruction);
CREATE INDEX uws_job_active ON uws_job (phase) WHERE phase IN ('QUEUED', 'EXECUTING');

CREATE TABLE uws_job_parameter (
    job_id       text NOT NULL REFERENCES uws_job ON DELETE CASCADE,
    position     integer NOT NULL,
    name         text NOT NULL,
    value        text NOT NULL,
    by_reference boolean NOT NULL DEFAULT false,
    PRIMARY KEY (job_id, position)
);

CREATE TABLE uws_job_result (
    job_id    text NOT NULL REFERENCES uws_job ON DELETE CASCADE,
    position  integer NOT NULL,
    result_id text NOT NULL,
    file_name text NOT NULL,
    mime_type text NOT NULL,
    size      bigint NOT NULL,
    PRIMARY KEY (job_id, position)
);

CREATE TABLE uws_job_phase (
    job_id   text NOT NULL REFERENCES uws_job ON DELETE CASCADE,
    position integer NOT NULL,
    phase    text NOT NULL,
    at       timestamptz NOT NULL,
    PRIMARY KEY (job_id, position)
);
