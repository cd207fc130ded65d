package io.dltrigger.engine.store.jdbc;

import static io.dltrigger.engine.store.jdbc.Jdbc.update;

import io.dltrigger.engine.store.LeaseRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.function.LongPredicate;

/** Table {@code engine_lease}: one row, taken under a row lock. */
final class JdbcLeaseRepository implements LeaseRepository {
    private final Jdbc jdbc;

    JdbcLeaseRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private record Holder(String owner, String host, long pid, long heartbeatAt) {}

    @Override
    public Optional<String> acquire(
            String owner, String host, long pid, long staleMillis, LongPredicate aliveOnThisHost) {
        return jdbc.tx(c -> {
            long now = System.currentTimeMillis();
            Holder holder = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT owner, hostname, pid, heartbeat_at FROM engine_lease WHERE name = 'engine' FOR UPDATE")) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        holder = new Holder(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
                    }
                }
            }
            if (holder == null) {
                update(
                        c,
                        "INSERT INTO engine_lease (name, owner, hostname, pid, heartbeat_at) VALUES ('engine', ?, ?, ?, ?)",
                        owner,
                        host,
                        pid,
                        now);
                return Optional.<String>empty();
            }
            boolean stale = now - holder.heartbeatAt() > staleMillis;
            boolean deadHere = holder.host().equals(host) && !aliveOnThisHost.test(holder.pid());
            if (holder.owner().equals(owner) || stale || deadHere) {
                update(
                        c,
                        "UPDATE engine_lease SET owner = ?, hostname = ?, pid = ?, heartbeat_at = ? WHERE name = 'engine'",
                        owner,
                        host,
                        pid,
                        now);
                return Optional.<String>empty();
            }
            return Optional.of("engine " + holder.owner() + " (pid " + holder.pid() + " on " + holder.host() + ")");
        });
    }

    @Override
    public boolean heartbeat(String owner) {
        return jdbc.tx(c -> update(
                        c,
                        "UPDATE engine_lease SET heartbeat_at = ? WHERE name = 'engine' AND owner = ?",
                        System.currentTimeMillis(),
                        owner)
                == 1);
    }

    @Override
    public void release(String owner) {
        jdbc.tx(c -> update(c, "DELETE FROM engine_lease WHERE name = 'engine' AND owner = ?", owner));
    }
}
