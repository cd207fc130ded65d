package io.dltrigger.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every DAG version, run, task instance and try, through JDBC. Plain SQL that H2 and PostgreSQL both
 * accept; multi-row changes run in one transaction so a crash never leaves half of one.
 */
public final class StateStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_COLUMNS =
            "id, dag_id, run_key, run_type, dag_version, logical_date, interval_start,"
                    + " interval_end, params, state, backfill_id, created_at, started_at, ended_at, revision";
    private static final String TI_COLUMNS = "id, run_id, task_id, map_index, map_item, state, try_number, max_tries,"
            + " next_try_at, started_at, ended_at, hostname, pid, pid_started_at, exit_code, message, output";

    private final HikariDataSource ds;

    StateStore(HikariDataSource ds) {
        this.ds = ds;
    }

    @Override
    public void close() {
        ds.close();
    }

    // ---- DAGs ----

    /** Records the DAG and, when its definition changed, a new version; returns the current version. */
    public int registerDag(String dagId, String definition, String sourceFile) {
        String hash = sha256(definition);
        return tx(c -> {
            Integer latest = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT latest_version FROM dag WHERE dag_id = ?")) {
                ps.setString(1, dagId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        latest = rs.getInt(1);
                    }
                }
            }
            if (latest != null) {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT hash FROM dag_version WHERE dag_id = ? AND version = ?")) {
                    ps.setString(1, dagId);
                    ps.setInt(2, latest);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getString(1).equals(hash)) {
                            return latest;
                        }
                    }
                }
            }
            int version = latest == null ? 1 : latest + 1;
            update(
                    c,
                    "INSERT INTO dag_version (dag_id, version, hash, definition, created_at) VALUES (?, ?, ?, ?, ?)",
                    dagId,
                    version,
                    hash,
                    definition,
                    System.currentTimeMillis());
            if (latest == null) {
                update(
                        c,
                        "INSERT INTO dag (dag_id, paused, latest_version, source_file) VALUES (?, ?, ?, ?)",
                        dagId,
                        false,
                        version,
                        sourceFile);
            } else {
                update(
                        c,
                        "UPDATE dag SET latest_version = ?, source_file = ? WHERE dag_id = ?",
                        version,
                        sourceFile,
                        dagId);
            }
            return version;
        });
    }

    public int dagVersion(String dagId) {
        return query("SELECT latest_version FROM dag WHERE dag_id = ?", rs -> rs.getInt(1), dagId).stream()
                .findFirst()
                .orElse(0);
    }

    public int dagVersionCount(String dagId) {
        return query("SELECT COUNT(*) FROM dag_version WHERE dag_id = ?", rs -> rs.getInt(1), dagId)
                .get(0);
    }

    public Set<String> pausedDags() {
        return new HashSet<>(query("SELECT dag_id FROM dag WHERE paused = TRUE", rs -> rs.getString(1)));
    }

    /** Returns false when the DAG was never registered. */
    public boolean setPaused(String dagId, boolean paused) {
        return tx(c -> update(c, "UPDATE dag SET paused = ? WHERE dag_id = ?", paused, dagId) == 1);
    }

    // ---- backfills and runs ----

    public long insertBackfill(String dagId, Instant from, Instant to, int maxActive) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO backfill (dag_id, from_date, to_date, max_active, created_at) VALUES (?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                bind(ps, dagId, from.toEpochMilli(), to.toEpochMilli(), maxActive, System.currentTimeMillis());
                ps.executeUpdate();
                return generatedId(ps);
            }
        });
    }

    public int backfillMaxActive(long backfillId) {
        return query("SELECT max_active FROM backfill WHERE id = ?", rs -> rs.getInt(1), backfillId)
                .get(0);
    }

    /** Inserts a queued run; empty when a run with the same key exists (a schedule point already taken). */
    public Optional<RunRecord> insertRun(
            String dagId,
            String runKey,
            RunType type,
            int version,
            Instant logical,
            Instant intervalStart,
            Instant intervalEnd,
            ObjectNode params,
            Long backfillId) {
        Instant now = Instant.now();
        try {
            long id = tx(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO dag_run (dag_id, run_key, run_type, dag_version,"
                                + " logical_date, interval_start, interval_end, params, state, backfill_id, created_at, revision)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                        new String[] {"id"})) {
                    bind(
                            ps,
                            dagId,
                            runKey,
                            type.name(),
                            version,
                            logical.toEpochMilli(),
                            intervalStart.toEpochMilli(),
                            intervalEnd.toEpochMilli(),
                            params.toString(),
                            RunState.QUEUED.name(),
                            backfillId,
                            now.toEpochMilli());
                    ps.executeUpdate();
                    return generatedId(ps);
                }
            });
            return Optional.of(run(id).orElseThrow());
        } catch (StoreException e) {
            if (e.duplicateKey()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Optional<RunRecord> run(long id) {
        return query("SELECT " + RUN_COLUMNS + " FROM dag_run WHERE id = ?", StateStore::runRow, id).stream()
                .findFirst();
    }

    /** The newest runs first; {@code dagId} null for all DAGs. */
    public List<RunRecord> runs(String dagId, int limit) {
        String where = dagId == null ? "" : " WHERE dag_id = ?";
        Object[] args = dagId == null ? new Object[0] : new Object[] {dagId};
        return query(
                "SELECT " + RUN_COLUMNS + " FROM dag_run" + where + " ORDER BY id DESC LIMIT " + limit,
                StateStore::runRow,
                args);
    }

    public List<RunRecord> runsInState(RunState state) {
        return query(
                "SELECT " + RUN_COLUMNS + " FROM dag_run WHERE state = ? ORDER BY id",
                StateStore::runRow,
                state.name());
    }

    /** The scheduled run with the latest logical date, the point the scheduler continues from. */
    public Optional<RunRecord> latestScheduledRun(String dagId) {
        return query(
                        "SELECT " + RUN_COLUMNS
                                + " FROM dag_run WHERE dag_id = ? AND run_type = ? ORDER BY logical_date DESC LIMIT 1",
                        StateStore::runRow,
                        dagId,
                        RunType.SCHEDULED.name())
                .stream()
                .findFirst();
    }

    /**
     * Ends a run unless someone changed it since {@code revision} was read (a clear): returns false then,
     * and the caller must reload the run instead.
     */
    public boolean finishRun(long runId, int revision, RunState state, Instant endedAt) {
        return tx(c -> update(
                        c,
                        "UPDATE dag_run SET state = ?, ended_at = ? WHERE id = ? AND revision = ?",
                        state.name(),
                        millis(endedAt),
                        runId,
                        revision)
                == 1);
    }

    // ---- task instances ----

    /** Inserts new task instances in one transaction and sets their ids. */
    public void insertTaskInstances(Collection<TaskInstance> tis) {
        tx(c -> insertTis(c, tis));
    }

    /** Starts a queued run: its task instances and its RUNNING state in one transaction. */
    public void startRun(long runId, Collection<TaskInstance> tis, Instant startedAt) {
        tx(c -> {
            insertTis(c, tis);
            return update(
                    c,
                    "UPDATE dag_run SET state = ?, started_at = ? WHERE id = ?",
                    RunState.RUNNING.name(),
                    millis(startedAt),
                    runId);
        });
    }

    /** A mapped task expands: its parent's new state and its instances in one transaction. */
    public void expand(TaskInstance parent, Collection<TaskInstance> children) {
        tx(c -> {
            saveTi(c, parent);
            return insertTis(c, children);
        });
    }

    private static Object insertTis(Connection c, Collection<TaskInstance> tis) throws SQLException {
        if (tis.isEmpty()) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO task_instance (run_id, task_id, map_index, map_item,"
                        + " state, try_number, max_tries, next_try_at, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            for (TaskInstance ti : tis) {
                bind(
                        ps,
                        ti.runId,
                        ti.taskId,
                        ti.mapIndex,
                        ti.mapItem,
                        ti.state.name(),
                        ti.tryNumber,
                        ti.maxTries,
                        millis(ti.nextTryAt),
                        ti.message);
                ps.executeUpdate();
                ti.id = generatedId(ps);
            }
        }
        return null;
    }

    public List<TaskInstance> taskInstances(long runId) {
        return query(
                "SELECT " + TI_COLUMNS + " FROM task_instance WHERE run_id = ? ORDER BY id", StateStore::tiRow, runId);
    }

    public Optional<TaskInstance> taskInstance(long id) {
        return query("SELECT " + TI_COLUMNS + " FROM task_instance WHERE id = ?", StateStore::tiRow, id).stream()
                .findFirst();
    }

    /** Writes every mutable field of a task instance. */
    public void save(TaskInstance ti) {
        tx(c -> saveTi(c, ti));
    }

    /** A new try: the instance and its try row change together. */
    public void startTry(TaskInstance ti, String logPath) {
        tx(c -> {
            saveTi(c, ti);
            update(
                    c,
                    "INSERT INTO task_try (task_instance_id, try_number, state, started_at, hostname, log_path)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    ti.id,
                    ti.tryNumber,
                    TaskState.RUNNING.name(),
                    millis(ti.startedAt),
                    ti.hostname,
                    logPath);
            return null;
        });
    }

    /** The end of a try, its outcome and the task's output committed together. */
    public void finishTry(TaskInstance ti, TaskState tryState) {
        tx(c -> {
            saveTi(c, ti);
            update(
                    c,
                    "UPDATE task_try SET state = ?, ended_at = ?, exit_code = ?, pid = ? WHERE task_instance_id = ? AND try_number = ?",
                    tryState.name(),
                    System.currentTimeMillis(),
                    ti.exitCode,
                    ti.pid,
                    ti.id,
                    ti.tryNumber);
            return null;
        });
    }

    /** The pid of a try's process, written as soon as it runs so a restarted engine can find it. */
    public void recordPid(long taskInstanceId, int tryNumber, long pid, long pidStartedAt) {
        tx(c -> {
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

    public List<TaskTry> tries(long taskInstanceId) {
        return query(
                "SELECT task_instance_id, try_number, state, started_at, ended_at, hostname, pid, exit_code, log_path"
                        + " FROM task_try WHERE task_instance_id = ? ORDER BY try_number",
                rs -> new TaskTry(
                        rs.getLong(1),
                        rs.getInt(2),
                        TaskState.valueOf(rs.getString(3)),
                        instant(rs, 4),
                        instant(rs, 5),
                        rs.getString(6),
                        nullableLong(rs, 7),
                        nullableInt(rs, 8),
                        rs.getString(9)),
                taskInstanceId);
    }

    /**
     * Clears task instances for a re-run (they go back to NONE, with one more try allowed) and puts the
     * run back to RUNNING with a new revision, in one transaction.
     */
    public void clear(long runId, Collection<TaskInstance> tis) {
        tx(c -> {
            for (TaskInstance ti : tis) {
                saveTi(c, ti);
            }
            update(
                    c,
                    "UPDATE dag_run SET state = ?, ended_at = NULL, revision = revision + 1 WHERE id = ?",
                    RunState.RUNNING.name(),
                    runId);
            return null;
        });
    }

    /** Deletes the mapped children of a task (before it is re-expanded by a clear). */
    public void deleteMappedChildren(long runId, String taskId) {
        tx(c -> {
            update(
                    c,
                    "DELETE FROM task_try WHERE task_instance_id IN (SELECT id FROM task_instance WHERE run_id = ? AND task_id = ? AND map_index >= 0)",
                    runId,
                    taskId);
            return update(
                    c, "DELETE FROM task_instance WHERE run_id = ? AND task_id = ? AND map_index >= 0", runId, taskId);
        });
    }

    public java.util.Map<String, Long> taskCountsByState() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        query(
                "SELECT state, COUNT(*) FROM task_instance GROUP BY state",
                rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    public java.util.Map<String, Long> runCountsByState() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        query("SELECT state, COUNT(*) FROM dag_run GROUP BY state", rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    // ---- supervised streaming jobs ----

    private static final String JOB_COLUMNS = "task_instance_id, dag_id, task_id, state, pid, pid_started_at, restarts,"
            + " max_restarts, command, checkpoint_dir, restore_arg, log_path";

    /**
     * Starts supervising a job; the RUNNING jobs of the same DAG task become REPLACED (a streaming job is
     * one per task) and are returned so that the caller stops them.
     */
    public List<SupervisedJob> supervise(SupervisedJob job) {
        return tx(c -> {
            List<SupervisedJob> replaced = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS
                    + " FROM supervised_job WHERE dag_id = ?" + " AND task_id = ? AND state = 'RUNNING'")) {
                bind(ps, job.dagId(), job.taskId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        replaced.add(jobRow(rs));
                    }
                }
            }
            update(
                    c,
                    "UPDATE supervised_job SET state = 'REPLACED', updated_at = ? WHERE dag_id = ? AND task_id = ? AND state = 'RUNNING'",
                    System.currentTimeMillis(),
                    job.dagId(),
                    job.taskId());
            // a cleared task instance that runs again supervises under the same id
            update(c, "DELETE FROM supervised_job WHERE task_instance_id = ?", job.taskInstanceId());
            update(
                    c,
                    "INSERT INTO supervised_job (" + JOB_COLUMNS
                            + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    job.taskInstanceId(),
                    job.dagId(),
                    job.taskId(),
                    job.state(),
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

    public List<SupervisedJob> supervisedJobs(String state) {
        return query(
                "SELECT " + JOB_COLUMNS + " FROM supervised_job WHERE state = ? ORDER BY task_instance_id",
                StateStore::jobRow,
                state);
    }

    /** Records a restart or the end of supervision, and shows it on the task instance. */
    public void updateSupervised(SupervisedJob job, String message) {
        tx(c -> {
            update(
                    c,
                    "UPDATE supervised_job SET state = ?, pid = ?, pid_started_at = ?, restarts = ?, updated_at = ? WHERE task_instance_id = ?",
                    job.state(),
                    job.pid(),
                    job.pidStartedAt(),
                    job.restarts(),
                    System.currentTimeMillis(),
                    job.taskInstanceId());
            return update(
                    c,
                    "UPDATE task_instance SET pid = ?, pid_started_at = ?, message = ? WHERE id = ?",
                    job.pid(),
                    job.pidStartedAt(),
                    truncate(message),
                    job.taskInstanceId());
        });
    }

    private static SupervisedJob jobRow(ResultSet rs) throws SQLException {
        return new SupervisedJob(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                nullableLong(rs, 6),
                rs.getInt(7),
                rs.getInt(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12));
    }

    // ---- the engine lease ----

    /**
     * Takes the engine lease if it is free, stale (no heartbeat for {@code staleMillis}) or held by a
     * dead process on this host. Returns the current holder's description when it can't.
     */
    public Optional<String> acquireLease(
            String owner, String host, long pid, long staleMillis, java.util.function.LongPredicate aliveOnThisHost) {
        return tx(c -> {
            long now = System.currentTimeMillis();
            List<String[]> holder = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT owner, hostname, pid, heartbeat_at FROM engine_lease WHERE name = 'engine' FOR UPDATE")) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        holder.add(new String[] {
                            rs.getString(1),
                            rs.getString(2),
                            String.valueOf(rs.getLong(3)),
                            String.valueOf(rs.getLong(4))
                        });
                    }
                }
            }
            if (holder.isEmpty()) {
                update(
                        c,
                        "INSERT INTO engine_lease (name, owner, hostname, pid, heartbeat_at) VALUES ('engine', ?, ?, ?, ?)",
                        owner,
                        host,
                        pid,
                        now);
                return Optional.<String>empty();
            }
            String[] h = holder.get(0);
            boolean stale = now - Long.parseLong(h[3]) > staleMillis;
            boolean deadHere = h[1].equals(host) && !aliveOnThisHost.test(Long.parseLong(h[2]));
            if (h[0].equals(owner) || stale || deadHere) {
                update(
                        c,
                        "UPDATE engine_lease SET owner = ?, hostname = ?, pid = ?, heartbeat_at = ? WHERE name = 'engine'",
                        owner,
                        host,
                        pid,
                        now);
                return Optional.<String>empty();
            }
            return Optional.of("engine " + h[0] + " (pid " + h[2] + " on " + h[1] + ")");
        });
    }

    /** Returns false if the lease was taken over (the engine must stop). */
    public boolean heartbeat(String owner) {
        return tx(c -> update(
                        c,
                        "UPDATE engine_lease SET heartbeat_at = ? WHERE name = 'engine' AND owner = ?",
                        System.currentTimeMillis(),
                        owner)
                == 1);
    }

    public void releaseLease(String owner) {
        tx(c -> update(c, "DELETE FROM engine_lease WHERE name = 'engine' AND owner = ?", owner));
    }

    // ---- JDBC plumbing ----

    /** SQL work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static Object saveTi(Connection c, TaskInstance ti) throws SQLException {
        update(
                c,
                "UPDATE task_instance SET state = ?, try_number = ?, max_tries = ?, next_try_at = ?, started_at = ?,"
                        + " ended_at = ?, hostname = ?, pid = ?, pid_started_at = ?, exit_code = ?, message = ?, output = ? WHERE id = ?",
                ti.state.name(),
                ti.tryNumber,
                ti.maxTries,
                millis(ti.nextTryAt),
                millis(ti.startedAt),
                millis(ti.endedAt),
                ti.hostname,
                ti.pid,
                ti.pidStartedAt,
                ti.exitCode,
                truncate(ti.message),
                ti.output,
                ti.id);
        return null;
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static RunRecord runRow(ResultSet rs) throws SQLException {
        try {
            return new RunRecord(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    RunType.valueOf(rs.getString(4)),
                    rs.getInt(5),
                    instant(rs, 6),
                    instant(rs, 7),
                    instant(rs, 8),
                    (ObjectNode) JSON.readTree(rs.getString(9)),
                    RunState.valueOf(rs.getString(10)),
                    nullableLong(rs, 11),
                    instant(rs, 12),
                    instant(rs, 13),
                    instant(rs, 14),
                    rs.getInt(15));
        } catch (JsonProcessingException e) {
            throw new SQLException("run " + rs.getLong(1) + " has unreadable params", e);
        }
    }

    private static TaskInstance tiRow(ResultSet rs) throws SQLException {
        TaskInstance ti = new TaskInstance(rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5));
        ti.id = rs.getLong(1);
        ti.state = TaskState.valueOf(rs.getString(6));
        ti.tryNumber = rs.getInt(7);
        ti.maxTries = rs.getInt(8);
        ti.nextTryAt = instant(rs, 9);
        ti.startedAt = instant(rs, 10);
        ti.endedAt = instant(rs, 11);
        ti.hostname = rs.getString(12);
        ti.pid = nullableLong(rs, 13);
        ti.pidStartedAt = nullableLong(rs, 14);
        ti.exitCode = nullableInt(rs, 15);
        ti.message = rs.getString(16);
        ti.output = rs.getString(17);
        return ti;
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3990) + "...";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A database failure; knows whether it was a unique-key violation. */
    public static final class StoreException extends RuntimeException {
        StoreException(SQLException e) {
            super(e.getMessage(), e);
        }

        boolean duplicateKey() {
            return getCause() instanceof SQLException s
                    && s.getSQLState() != null
                    && s.getSQLState().startsWith("23");
        }
    }
}
