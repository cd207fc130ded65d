package io.dltrigger.engine.store.jdbc;

import static io.dltrigger.engine.store.jdbc.Jdbc.nullableLong;
import static io.dltrigger.engine.store.jdbc.Jdbc.truncate;

import io.dltrigger.engine.model.SupervisedJob;
import io.dltrigger.engine.store.SupervisedJobRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Table {@code supervised_job}. */
final class JdbcSupervisedJobRepository implements SupervisedJobRepository {
    private static final String COLUMNS =
            "task_instance_id, dag_id, task_id, task_type, state, pid, pid_started_at, restarts,"
                    + " max_restarts, command, checkpoint_dir, restore_arg, log_path";

    private final Jdbc jdbc;

    JdbcSupervisedJobRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SupervisedJob> supervise(SupervisedJob job) {
        return jdbc.tx(c -> {
            List<SupervisedJob> replaced = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM supervised_job WHERE dag_id = ? AND task_id = ? AND state = 'RUNNING'")) {
                Jdbc.bind(ps, job.dagId(), job.taskId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        replaced.add(row(rs));
                    }
                }
            }
            Jdbc.update(
                    c,
                    "UPDATE supervised_job SET state = 'REPLACED', updated_at = ?"
                            + " WHERE dag_id = ? AND task_id = ? AND state = 'RUNNING'",
                    System.currentTimeMillis(),
                    job.dagId(),
                    job.taskId());
            // a cleared task instance that runs again supervises under the same id
            Jdbc.update(c, "DELETE FROM supervised_job WHERE task_instance_id = ?", job.taskInstanceId());
            Jdbc.update(
                    c,
                    "INSERT INTO supervised_job (" + COLUMNS
                            + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    job.taskInstanceId(),
                    job.dagId(),
                    job.taskId(),
                    job.taskType(),
                    job.state().name(),
                    job.pid(),
                    job.pidStartedAt(),
                    job.restarts(),
                    job.maxRestarts(),
                    job.command(),
                    job.checkpointDir(),
                    job.restoreArg(),
                    job.logPath(),
                    System.currentTimeMillis());
            return replaced;
        });
    }

    @Override
    public List<SupervisedJob> inState(SupervisedJob.State state) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM supervised_job WHERE state = ? ORDER BY task_instance_id",
                JdbcSupervisedJobRepository::row,
                state.name());
    }

    @Override
    public void update(SupervisedJob job, String message) {
        jdbc.tx(c -> {
            Jdbc.update(
                    c,
                    "UPDATE supervised_job SET state = ?, pid = ?, pid_started_at = ?, restarts = ?, updated_at = ?"
                            + " WHERE task_instance_id = ?",
                    job.state().name(),
                    job.pid(),
                    job.pidStartedAt(),
                    job.restarts(),
                    System.currentTimeMillis(),
                    job.taskInstanceId());
            return Jdbc.update(
                    c,
                    "UPDATE task_instance SET pid = ?, pid_started_at = ?, message = ? WHERE id = ?",
                    job.pid(),
                    job.pidStartedAt(),
                    truncate(message),
                    job.taskInstanceId());
        });
    }

    private static SupervisedJob row(ResultSet rs) throws SQLException {
        return new SupervisedJob(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                SupervisedJob.State.valueOf(rs.getString(5)),
                rs.getLong(6),
                nullableLong(rs, 7),
                rs.getInt(8),
                rs.getInt(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13));
    }
}
