package io.dltrigger.engine.store.jdbc;

import static io.dltrigger.engine.store.jdbc.Jdbc.instant;
import static io.dltrigger.engine.store.jdbc.Jdbc.truncate;

import io.dltrigger.engine.model.AuditEntry;
import io.dltrigger.engine.store.AuditRepository;
import java.util.List;

/** Table {@code audit_log}. */
final class JdbcAuditRepository implements AuditRepository {
    private final Jdbc jdbc;

    JdbcAuditRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AuditEntry e) {
        jdbc.tx(c -> Jdbc.update(
                c,
                "INSERT INTO audit_log (at, actor, action, target, outcome, detail, remote) VALUES (?, ?, ?, ?, ?, ?, ?)",
                e.at().toEpochMilli(),
                cut(e.actor(), 250),
                e.action(),
                cut(e.target(), 500),
                e.outcome().name(),
                truncate(e.detail()),
                cut(e.remote(), 100)));
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return jdbc.query(
                "SELECT id, at, actor, action, target, outcome, detail, remote FROM audit_log ORDER BY id DESC LIMIT "
                        + Math.max(0, limit),
                rs -> new AuditEntry(
                        rs.getLong(1),
                        instant(rs, 2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        AuditEntry.Outcome.valueOf(rs.getString(6)),
                        rs.getString(7),
                        rs.getString(8)));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
