-- Nodes of the cluster: each running archive registers itself (a new incarnation at every start) and renews
-- its lease; a node whose heartbeat is older than its lease is dead, and its executing jobs run again elsewhere.
CREATE TABLE archive.cluster_nodes (
    node_id       text PRIMARY KEY,              -- '<name>/<8 hex digits>', new at every start
    name          text NOT NULL,                 -- archive.cluster.node-name: stable across restarts
    started_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    heartbeat_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    lease_seconds integer NOT NULL CHECK (lease_seconds > 0)
);
CREATE INDEX cluster_nodes_name ON archive.cluster_nodes (name);

-- Jobs: who executes them, which attempt, since when (the execution duration counts from the attempt's start;
-- UWS startTime stays the first start), and when they were queued (an owner's jobs start in that order).
ALTER TABLE archive.uws_job
    ADD COLUMN executed_by   text,                -- a cluster_nodes.node_id, not a foreign key: the node row goes
                                                  -- before its jobs are taken over
    ADD COLUMN attempt       integer NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    ADD COLUMN attempt_start timestamptz,
    ADD COLUMN queued_at     timestamptz,
    -- whose limits a job counts against (JobOwner): a user, or an anonymous network; user names have no space
    -- (security.Users.NAME), so no user is called 'anonymous <network>'
    ADD COLUMN owner_key     text GENERATED ALWAYS AS
        (COALESCE(owner_id, 'anonymous ' || COALESCE(client_network, ''))) STORED;
UPDATE archive.uws_job SET queued_at = creation_time WHERE phase = 'QUEUED';
UPDATE archive.uws_job SET attempt = 1, attempt_start = start_time WHERE start_time IS NOT NULL;
-- jobs EXECUTING at the upgrade have executed_by NULL: taken over (run again) by the first node that starts
CREATE INDEX uws_job_claimable ON archive.uws_job (queue, queued_at, job_id)
    WHERE phase = 'QUEUED' OR (phase = 'EXECUTING' AND executed_by IS NULL);
CREATE INDEX uws_job_executing ON archive.uws_job (owner_key, executed_by) WHERE phase = 'EXECUTING';

-- Owners take turns within a queue: the one served longest ago (or never) goes first.
CREATE TABLE archive.uws_turns (
    queue     text NOT NULL,
    owner_key text NOT NULL,
    served_at timestamptz NOT NULL,
    PRIMARY KEY (queue, owner_key)
);

-- Scheduled maintenance, once per cluster: a node's timer runs a task only when it claims it here. Also the
-- task's status for the admin API and the operations page (was the in-memory maintenance.MaintenanceTasks).
CREATE TABLE archive.cluster_tasks (
    task             text PRIMARY KEY,
    description      text NOT NULL,
    setting          text NOT NULL,
    interval_seconds bigint NOT NULL CHECK (interval_seconds >= 0),   -- 0: switched off
    next_due         timestamptz NOT NULL DEFAULT '-infinity',
    running_on       text,                                            -- node_id while a run is under way
    started_at       timestamptz,
    last_node        text,                                            -- the name of the node of the last run
    last_start       timestamptz,
    last_duration_ms bigint,
    last_ok          boolean,
    last_outcome     text,
    runs             bigint NOT NULL DEFAULT 0,
    failures         bigint NOT NULL DEFAULT 0
);
-- Every run, for operators and the "once per cluster" test; rows older than 7 days go with the next run's insert.
CREATE TABLE archive.maintenance_runs (
    task        text NOT NULL,
    node        text NOT NULL,
    started_at  timestamptz NOT NULL,
    duration_ms bigint NOT NULL,
    ok          boolean NOT NULL,
    outcome     text,
    PRIMARY KEY (task, started_at)
);
