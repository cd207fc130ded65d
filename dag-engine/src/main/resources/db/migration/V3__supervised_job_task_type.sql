-- The task type whose launcher restarts a supervised job; every job supervised so far was a flink job.
ALTER TABLE supervised_job ADD COLUMN task_type VARCHAR(50) DEFAULT 'flink' NOT NULL;
