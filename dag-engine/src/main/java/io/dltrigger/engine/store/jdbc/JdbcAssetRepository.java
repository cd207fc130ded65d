package io.dltrigger.engine.store.jdbc;

import static io.dltrigger.engine.store.jdbc.Jdbc.instant;
import static io.dltrigger.engine.store.jdbc.Jdbc.nullableLong;
import static io.dltrigger.engine.store.jdbc.Jdbc.truncate;

import io.dltrigger.engine.model.AssetEvent;
import io.dltrigger.engine.model.TriggerEvaluation;
import io.dltrigger.engine.store.AssetRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tables {@code asset_event}, {@code asset_watch}, {@code asset_trigger} and {@code asset_trigger_eval}. */
final class JdbcAssetRepository implements AssetRepository {
    private static final String EVENT_COLUMNS =
            "id, asset, created_at, dag_id, run_key, task_id, task_instance_id, kind, metadata";
    private static final String EVAL_COLUMNS =
            "id, dag_id, asset, evaluated_at, event_id, fired, run_id, reason, log_path";

    private final Jdbc jdbc;

    JdbcAssetRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an event inside the caller's transaction (a task's success and its events commit together). */
    static AssetEvent insert(Connection c, AssetEvent e) throws SQLException {
        long id = Jdbc.insert(
                c,
                "INSERT INTO asset_event (asset, created_at, dag_id, run_key, task_id, task_instance_id, kind, metadata)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.asset(),
                e.createdAt().toEpochMilli(),
                e.dagId(),
                e.runKey(),
                e.taskId(),
                e.taskInstanceId(),
                e.kind(),
                e.metadata());
        return new AssetEvent(
                id,
                e.asset(),
                e.createdAt(),
                e.dagId(),
                e.runKey(),
                e.taskId(),
                e.taskInstanceId(),
                e.kind(),
                e.metadata());
    }

    @Override
    public AssetEvent record(AssetEvent event) {
        return jdbc.tx(c -> insert(c, event));
    }

    @Override
    public Optional<AssetEvent> latest(String asset) {
        return events(asset, 1).stream().findFirst();
    }

    @Override
    public List<AssetEvent> events(String asset, int limit) {
        return jdbc.query(
                "SELECT " + EVENT_COLUMNS + " FROM asset_event WHERE asset = ? ORDER BY id DESC LIMIT " + limit,
                JdbcAssetRepository::event,
                asset);
    }

    @Override
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.query(
                        "SELECT asset, COUNT(*) FROM asset_event GROUP BY asset ORDER BY asset",
                        rs -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public void watch(long taskInstanceId, List<String> outlets) {
        jdbc.tx(c -> {
            Jdbc.update(c, "DELETE FROM asset_watch WHERE task_instance_id = ?", taskInstanceId);
            return Jdbc.update(
                    c,
                    "INSERT INTO asset_watch (task_instance_id, outlets, last_commit) VALUES (?, ?, NULL)",
                    taskInstanceId,
                    String.join(",", outlets));
        });
    }

    @Override
    public Optional<Watch> watch(long taskInstanceId) {
        return jdbc
                .query(
                        "SELECT outlets, last_commit FROM asset_watch WHERE task_instance_id = ?",
                        rs -> new Watch(Arrays.asList(rs.getString(1).split(",")), rs.getString(2)),
                        taskInstanceId)
                .stream()
                .findFirst();
    }

    @Override
    public boolean recordCommit(long taskInstanceId, String commit, List<AssetEvent> events) {
        return jdbc.tx(c -> {
            int changed = Jdbc.update(
                    c,
                    "UPDATE asset_watch SET last_commit = ? WHERE task_instance_id = ?"
                            + " AND (last_commit IS NULL OR last_commit <> ?)",
                    commit,
                    taskInstanceId,
                    commit);
            if (changed == 0) {
                return false;
            }
            for (AssetEvent e : events) {
                insert(c, e);
            }
            return true;
        });
    }

    @Override
    public Optional<TriggerState> triggerState(String dagId, String asset) {
        return jdbc
                .query(
                        "SELECT last_event_id, trigger_cursor, evaluated_at FROM asset_trigger"
                                + " WHERE dag_id = ? AND asset = ?",
                        rs -> new TriggerState(rs.getLong(1), rs.getString(2), instant(rs, 3)),
                        dagId,
                        asset)
                .stream()
                .findFirst();
    }

    @Override
    public TriggerEvaluation evaluated(TriggerEvaluation ev, boolean consumed, String cursor) {
        return jdbc.tx(c -> {
            long id = Jdbc.insert(
                    c,
                    "INSERT INTO asset_trigger_eval (dag_id, asset, evaluated_at, event_id, fired, run_id, reason, log_path)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    ev.dagId(),
                    ev.asset(),
                    ev.evaluatedAt().toEpochMilli(),
                    ev.eventId(),
                    ev.fired(),
                    ev.runId(),
                    truncate(ev.reason()),
                    ev.logPath());
            long at = ev.evaluatedAt().toEpochMilli();
            int updated = consumed
                    ? Jdbc.update(
                            c,
                            "UPDATE asset_trigger SET last_event_id = ?, trigger_cursor = ?, evaluated_at = ?"
                                    + " WHERE dag_id = ? AND asset = ?",
                            ev.eventId(),
                            cursor,
                            at,
                            ev.dagId(),
                            ev.asset())
                    : Jdbc.update(
                            c,
                            "UPDATE asset_trigger SET evaluated_at = ? WHERE dag_id = ? AND asset = ?",
                            at,
                            ev.dagId(),
                            ev.asset());
            if (updated == 0) {
                Jdbc.update(
                        c,
                        "INSERT INTO asset_trigger (dag_id, asset, last_event_id, trigger_cursor, evaluated_at)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        ev.dagId(),
                        ev.asset(),
                        consumed ? ev.eventId() : 0L,
                        consumed ? cursor : null,
                        at);
            }
            return new TriggerEvaluation(
                    id,
                    ev.dagId(),
                    ev.asset(),
                    ev.evaluatedAt(),
                    ev.eventId(),
                    ev.fired(),
                    ev.runId(),
                    ev.reason(),
                    ev.logPath());
        });
    }

    @Override
    public List<TriggerEvaluation> evaluations(String asset, int limit) {
        return jdbc.query(
                "SELECT " + EVAL_COLUMNS + " FROM asset_trigger_eval WHERE asset = ? ORDER BY id DESC LIMIT " + limit,
                JdbcAssetRepository::evaluation,
                asset);
    }

    private static AssetEvent event(ResultSet rs) throws SQLException {
        return new AssetEvent(
                rs.getLong(1),
                rs.getString(2),
                instant(rs, 3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                nullableLong(rs, 7),
                rs.getString(8),
                rs.getString(9));
    }

    private static TriggerEvaluation evaluation(ResultSet rs) throws SQLException {
        return new TriggerEvaluation(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                instant(rs, 4),
                rs.getLong(5),
                rs.getBoolean(6),
                nullableLong(rs, 7),
                rs.getString(8),
                rs.getString(9));
    }
}
