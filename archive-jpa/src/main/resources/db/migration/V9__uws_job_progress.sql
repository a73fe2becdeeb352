-- What a long job has done so far (e.g. rows ingested), shown in the job's jobInfo.
ALTER TABLE archive.uws_job ADD COLUMN progress text;
