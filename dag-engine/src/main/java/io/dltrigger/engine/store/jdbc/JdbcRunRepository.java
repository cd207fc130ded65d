package io.dltrigger.engine.store.jdbc;

import static io.dltrigger.engine.store.jdbc.Jdbc.instant;
import static io.dltrigger.engine.store.jdbc.Jdbc.millis;
import static io.dltrigger.engine.store.jdbc.Jdbc.nullableLong;
import static io.dltrigger.engine.store.jdbc.Jdbc.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.RunType;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.store.RunRepository;
import io.dltrigger.engine.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Tables {@code dag_run} and {@code backfill}. */
final class JdbcRunRepository implements RunRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, dag_id, run_key, run_type, dag_version, logical_date, interval_start,"
            + " interval_end, params, state, backfill_id, created_at, started_at, ended_at, revision";

    private final Jdbc jdbc;

    JdbcRunRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long insertBackfill(String dagId, Instant from, Instant to, int maxActive) {
        return jdbc.tx(c -> Jdbc.insert(
                c,
                "INSERT INTO backfill (dag_id, from_date, to_date, max_active, created_at) VALUES (?, ?, ?, ?, ?)",
                dagId,
                from.toEpochMilli(),
                to.toEpochMilli(),
                maxActive,
                System.currentTimeMillis()));
    }

    @Override
    public int backfillMaxActive(long backfillId) {
        return jdbc.query("SELECT max_active FROM backfill WHERE id = ?", rs -> rs.getInt(1), backfillId)
                .get(0);
    }

    @Override
    public Optional<DagRun> insert(
            String dagId,
            String runKey,
            RunType type,
            int dagVersion,
            Instant logicalDate,
            Instant intervalStart,
            Instant intervalEnd,
            ObjectNode params,
            Long backfillId) {
        try {
            long id = jdbc.tx(c -> Jdbc.insert(
                    c,
                    "INSERT INTO dag_run (dag_id, run_key, run_type, dag_version,"
                            + " logical_date, interval_start, interval_end, params, state, backfill_id, created_at, revision)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    dagId,
                    runKey,
                    type.name(),
                    dagVersion,
                    logicalDate.toEpochMilli(),
                    intervalStart.toEpochMilli(),
                    intervalEnd.toEpochMilli(),
                    params.toString(),
                    RunState.QUEUED.name(),
                    backfillId,
                    System.currentTimeMillis()));
            return Optional.of(get(id).orElseThrow());
        } catch (StoreException e) {
            if (Jdbc.duplicateKey(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<DagRun> get(long runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dag_run WHERE id = ?", JdbcRunRepository::row, runId).stream()
                .findFirst();
    }

    @Override
    public List<DagRun> recent(String dagId, int limit) {
        String where = dagId == null ? "" : " WHERE dag_id = ?";
        Object[] args = dagId == null ? new Object[0] : new Object[] {dagId};
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM dag_run" + where + " ORDER BY id DESC LIMIT " + limit,
                JdbcRunRepository::row,
                args);
    }

    @Override
    public List<DagRun> inState(RunState state) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM dag_run WHERE state = ? ORDER BY id",
                JdbcRunRepository::row,
                state.name());
    }

    @Override
    public Optional<DagRun> latestScheduled(String dagId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS
                                + " FROM dag_run WHERE dag_id = ? AND run_type = ? ORDER BY logical_date DESC LIMIT 1",
                        JdbcRunRepository::row,
                        dagId,
                        RunType.SCHEDULED.name())
                .stream()
                .findFirst();
    }

    @Override
    public List<TaskInstance> start(long runId, Collection<TaskInstance> taskInstances, Instant startedAt) {
        return jdbc.tx(c -> {
            List<TaskInstance> stored = JdbcTaskInstanceRepository.insertAll(c, taskInstances);
            update(
                    c,
                    "UPDATE dag_run SET state = ?, started_at = ? WHERE id = ?",
                    RunState.RUNNING.name(),
                    millis(startedAt),
                    runId);
            return stored;
        });
    }

    @Override
    public boolean finish(long runId, int revision, RunState state, Instant endedAt) {
        return jdbc.tx(c -> update(
                        c,
                        "UPDATE dag_run SET state = ?, ended_at = ? WHERE id = ? AND revision = ?",
                        state.name(),
                        millis(endedAt),
                        runId,
                        revision)
                == 1);
    }

    @Override
    public void clear(long runId, Collection<TaskInstance> cleared, Collection<String> unmapped) {
        jdbc.tx(c -> {
            for (String taskId : unmapped) {
                JdbcTaskInstanceRepository.deleteMapped(c, runId, taskId);
            }
            for (TaskInstance ti : cleared) {
                JdbcTaskInstanceRepository.save(c, ti);
            }
            return update(
                    c,
                    "UPDATE dag_run SET state = ?, ended_at = NULL, revision = revision + 1 WHERE id = ?",
                    RunState.RUNNING.name(),
                    runId);
        });
    }

    @Override
    public Map<String, Long> countsByState() {
        Map<String, Long> out = new TreeMap<>();
        jdbc.query("SELECT state, COUNT(*) FROM dag_run GROUP BY state", rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    private static DagRun row(ResultSet rs) throws SQLException {
        try {
            return new DagRun(
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
}
