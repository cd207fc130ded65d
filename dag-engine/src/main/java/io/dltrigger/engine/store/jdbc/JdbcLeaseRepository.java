package io.dltrigger.engine.store.jdbc;

import static io.dltrigger.engine.store.jdbc.Jdbc.update;

import io.dltrigger.engine.store.LeaseRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.LongPredicate;

/** Table {@code engine_lease}: one row, taken under a row lock; its epoch grows with every grant. */
final class JdbcLeaseRepository implements LeaseRepository {
    private final Jdbc jdbc;

    JdbcLeaseRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private record Holder(String owner, String host, long pid, long heartbeatAt, long epoch) {}

    @Override
    public Acquisition acquire(String owner, String host, long pid, long staleMillis, LongPredicate aliveOnThisHost) {
        return jdbc.unfencedTx(c -> {
            long now = System.currentTimeMillis();
            Holder holder = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT owner, hostname, pid, heartbeat_at, epoch FROM engine_lease WHERE name = 'engine'"
                            + " FOR UPDATE")) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        holder = new Holder(
                                rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
                    }
                }
            }
            if (holder == null) {
                update(
                        c,
                        "INSERT INTO engine_lease (name, owner, hostname, pid, heartbeat_at, epoch)"
                                + " VALUES ('engine', ?, ?, ?, ?, 1)",
                        owner,
                        host,
                        pid,
                        now);
                return new Acquisition.Granted(1);
            }
            boolean free = holder.owner().isEmpty();
            boolean stale = now - holder.heartbeatAt() > staleMillis;
            boolean deadHere = holder.host().equals(host) && !aliveOnThisHost.test(holder.pid());
            if (free || holder.owner().equals(owner) || stale || deadHere) {
                long epoch = holder.epoch() + 1;
                update(
                        c,
                        "UPDATE engine_lease SET owner = ?, hostname = ?, pid = ?, heartbeat_at = ?, epoch = ?"
                                + " WHERE name = 'engine'",
                        owner,
                        host,
                        pid,
                        now,
                        epoch);
                return new Acquisition.Granted(epoch);
            }
            return new Acquisition.Held(
                    "engine " + holder.owner() + " (pid " + holder.pid() + " on " + holder.host() + ")");
        });
    }

    @Override
    public boolean heartbeat(String owner, long epoch) {
        return jdbc.unfencedTx(c -> update(
                        c,
                        "UPDATE engine_lease SET heartbeat_at = ? WHERE name = 'engine' AND owner = ? AND epoch = ?",
                        System.currentTimeMillis(),
                        owner,
                        epoch)
                == 1);
    }

    @Override
    public void release(String owner, long epoch) {
        jdbc.unfencedTx(c -> update(
                c,
                "UPDATE engine_lease SET owner = '', heartbeat_at = 0 WHERE name = 'engine' AND owner = ? AND epoch = ?",
                owner,
                epoch));
    }
}
