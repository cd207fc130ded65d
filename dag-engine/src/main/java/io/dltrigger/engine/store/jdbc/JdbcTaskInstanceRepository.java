package io.dltrigger.engine.store.jdbc;

import static io.dltrigger.engine.store.jdbc.Jdbc.instant;
import static io.dltrigger.engine.store.jdbc.Jdbc.millis;
import static io.dltrigger.engine.store.jdbc.Jdbc.nullableInt;
import static io.dltrigger.engine.store.jdbc.Jdbc.nullableLong;
import static io.dltrigger.engine.store.jdbc.Jdbc.truncate;
import static io.dltrigger.engine.store.jdbc.Jdbc.update;

import io.dltrigger.engine.model.AssetEvent;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskState;
import io.dltrigger.engine.model.TaskTry;
import io.dltrigger.engine.store.TaskInstanceRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Tables {@code task_instance} and {@code task_try}. */
final class JdbcTaskInstanceRepository implements TaskInstanceRepository {
    private static final String COLUMNS = "id, run_id, task_id, map_index, map_item, state, try_number, max_tries,"
            + " next_try_at, started_at, ended_at, hostname, pid, pid_started_at, exit_code, message, output";

    private static final String TRY_COLUMNS =
            "task_instance_id, try_number, state, started_at, ended_at, hostname, pid, exit_code, log_path";

    private final Jdbc jdbc;

    JdbcTaskInstanceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TaskInstance> insert(Collection<TaskInstance> taskInstances) {
        return jdbc.tx(c -> insertAll(c, taskInstances));
    }

    @Override
    public List<TaskInstance> ofRun(long runId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM task_instance WHERE run_id = ? ORDER BY id",
                JdbcTaskInstanceRepository::row,
                runId);
    }

    @Override
    public Optional<TaskInstance> get(long taskInstanceId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM task_instance WHERE id = ?",
                        JdbcTaskInstanceRepository::row,
                        taskInstanceId)
                .stream()
                .findFirst();
    }

    @Override
    public void save(TaskInstance ti) {
        jdbc.tx(c -> save(c, ti));
    }

    @Override
    public void startTry(TaskInstance ti, String logPath) {
        jdbc.tx(c -> {
            save(c, ti);
            return update(
                    c,
                    "INSERT INTO task_try (task_instance_id, try_number, state, started_at, hostname, log_path)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    ti.id(),
                    ti.tryNumber(),
                    TaskState.RUNNING.name(),
                    millis(ti.startedAt()),
                    ti.hostname(),
                    logPath);
        });
    }

    @Override
    public void finishTry(TaskInstance ti, TaskState tryState, List<AssetEvent> produced) {
        jdbc.tx(c -> {
            save(c, ti);
            for (AssetEvent e : produced) {
                JdbcAssetRepository.insert(c, e);
            }
            return update(
                    c,
                    "UPDATE task_try SET state = ?, ended_at = ?, exit_code = ?, pid = ?"
                            + " WHERE task_instance_id = ? AND try_number = ?",
                    tryState.name(),
                    System.currentTimeMillis(),
                    ti.exitCode(),
                    ti.pid(),
                    ti.id(),
                    ti.tryNumber());
        });
    }

    @Override
    public void recordPid(long taskInstanceId, int tryNumber, long pid, long pidStartedAt) {
        jdbc.tx(c -> {
            update(
                    c,
                    "UPDATE task_instance SET pid = ?, pid_started_at = ? WHERE id = ? AND try_number = ?",
                    pid,
                    pidStartedAt,
                    taskInstanceId,
                    tryNumber);
            return update(
                    c,
                    "UPDATE task_try SET pid = ? WHERE task_instance_id = ? AND try_number = ?",
                    pid,
                    taskInstanceId,
                    tryNumber);
        });
    }

    @Override
    public List<TaskTry> tries(long taskInstanceId) {
        return jdbc.query(
                "SELECT " + TRY_COLUMNS + " FROM task_try WHERE task_instance_id = ? ORDER BY try_number",
                JdbcTaskInstanceRepository::tryRow,
                taskInstanceId);
    }

    @Override
    public List<TaskTry> triesOfRun(long runId) {
        return jdbc.query(
                "SELECT " + TRY_COLUMNS + " FROM task_try WHERE task_instance_id IN"
                        + " (SELECT id FROM task_instance WHERE run_id = ?) ORDER BY task_instance_id, try_number",
                JdbcTaskInstanceRepository::tryRow,
                runId);
    }

    private static TaskTry tryRow(ResultSet rs) throws SQLException {
        return new TaskTry(
                rs.getLong(1),
                rs.getInt(2),
                TaskState.valueOf(rs.getString(3)),
                instant(rs, 4),
                instant(rs, 5),
                rs.getString(6),
                nullableLong(rs, 7),
                nullableInt(rs, 8),
                rs.getString(9));
    }

    @Override
    public List<TaskInstance> expand(TaskInstance parent, Collection<TaskInstance> mapped) {
        return jdbc.tx(c -> {
            save(c, parent);
            return insertAll(c, mapped);
        });
    }

    @Override
    public Map<String, Long> countsByState() {
        Map<String, Long> out = new TreeMap<>();
        jdbc.query(
                "SELECT state, COUNT(*) FROM task_instance GROUP BY state",
                rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    /** One prepared statement for all rows: a 1,000-task run starts in one round of inserts. */
    static List<TaskInstance> insertAll(Connection c, Collection<TaskInstance> tis) throws SQLException {
        List<TaskInstance> out = new ArrayList<>();
        if (tis.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO task_instance (run_id, task_id, map_index, map_item,"
                        + " state, try_number, max_tries, next_try_at, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            for (TaskInstance ti : tis) {
                Jdbc.bind(
                        ps,
                        ti.runId(),
                        ti.taskId(),
                        ti.mapIndex(),
                        ti.mapItem(),
                        ti.state().name(),
                        ti.tryNumber(),
                        ti.maxTries(),
                        millis(ti.nextTryAt()),
                        ti.message());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    out.add(ti.withId(keys.getLong(1)));
                }
            }
        }
        return out;
    }

    /** Deletes the mapped instances of a task, and their tries. */
    static int deleteMapped(Connection c, long runId, String taskId) throws SQLException {
        update(
                c,
                "DELETE FROM task_try WHERE task_instance_id IN"
                        + " (SELECT id FROM task_instance WHERE run_id = ? AND task_id = ? AND map_index >= 0)",
                runId,
                taskId);
        return update(
                c, "DELETE FROM task_instance WHERE run_id = ? AND task_id = ? AND map_index >= 0", runId, taskId);
    }

    static int save(Connection c, TaskInstance ti) throws SQLException {
        return update(
                c,
                "UPDATE task_instance SET state = ?, try_number = ?, max_tries = ?, next_try_at = ?, started_at = ?,"
                        + " ended_at = ?, hostname = ?, pid = ?, pid_started_at = ?, exit_code = ?, message = ?,"
                        + " output = ? WHERE id = ?",
                ti.state().name(),
                ti.tryNumber(),
                ti.maxTries(),
                millis(ti.nextTryAt()),
                millis(ti.startedAt()),
                millis(ti.endedAt()),
                ti.hostname(),
                ti.pid(),
                ti.pidStartedAt(),
                ti.exitCode(),
                truncate(ti.message()),
                ti.output(),
                ti.id());
    }

    private static TaskInstance row(ResultSet rs) throws SQLException {
        return new TaskInstance(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getString(5),
                TaskState.valueOf(rs.getString(6)),
                rs.getInt(7),
                rs.getInt(8),
                instant(rs, 9),
                instant(rs, 10),
                instant(rs, 11),
                rs.getString(12),
                nullableLong(rs, 13),
                nullableLong(rs, 14),
                nullableInt(rs, 15),
                rs.getString(16),
                rs.getString(17));
    }
}
