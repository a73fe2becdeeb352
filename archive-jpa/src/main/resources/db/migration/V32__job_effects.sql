-- What a job's execution did to the database, committed in the same transaction as the work itself (a load's
-- rows, an index, an ingested table), and only while the job is still that attempt's (scale-out, #23): a job whose
-- node died after that commit but before its outcome was recorded runs again on another node, and the new attempt
-- finds the effect here and completes with its result instead of doing the work twice.
CREATE TABLE archive.uws_job_effects (
    job_id  text PRIMARY KEY REFERENCES archive.uws_job (job_id) ON DELETE CASCADE,
    attempt integer NOT NULL,
    result  text NOT NULL
);
