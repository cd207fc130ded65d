-- Long-running streaming jobs the engine keeps alive after their task succeeded.
CREATE TABLE supervised_job (
  task_instance_id BIGINT PRIMARY KEY REFERENCES task_instance(id),
  dag_id           VARCHAR(250) NOT NULL,
  task_id          VARCHAR(250) NOT NULL,
  state            VARCHAR(20) NOT NULL,
  pid              BIGINT NOT NULL,
  pid_started_at   BIGINT,
  restarts         INT NOT NULL,
  max_restarts     INT NOT NULL,
  command          VARCHAR(1000000) NOT NULL,
  checkpoint_dir   VARCHAR(2000),
  restore_arg      VARCHAR(250),
  log_path         VARCHAR(2000) NOT NULL,
  updated_at       BIGINT NOT NULL
);
CREATE INDEX supervised_job_state ON supervised_job (state);
