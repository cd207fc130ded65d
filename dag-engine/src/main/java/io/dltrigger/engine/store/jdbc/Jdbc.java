package io.dltrigger.engine.store.jdbc;

import io.dltrigger.engine.store.LeaseLostException;
import io.dltrigger.engine.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The JDBC plumbing the repositories share: plain SQL that H2 and PostgreSQL both accept, multi-row
 * changes in one transaction so that a crash never leaves half of one, times as epoch milliseconds, and the
 * fence: once an engine holds the lease, each of its write transactions first locks the lease row and checks
 * that its epoch is still the one granted, so a write of an engine whose lease was taken over never commits
 * (a takeover waits for the transactions that hold the row; those after it see the new epoch).
 */
final class Jdbc {
    /** No fence: a process that never took the lease (a REST server without a scheduler, a test). */
    private static final long UNFENCED = -1;

    private final DataSource ds;
    private volatile long epoch = UNFENCED;

    Jdbc(DataSource ds) {
        this.ds = ds;
    }

    /** From now on, every write checks that the lease still has {@code granted}. */
    void fence(long granted) {
        this.epoch = granted;
    }

    /** SQL work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A write: fenced once the lease was granted. */
    <T> T tx(Work<T> work) {
        return tx(true, work);
    }

    /** The lease's own writes, which check their epoch themselves. */
    <T> T unfencedTx(Work<T> work) {
        return tx(false, work);
    }

    private <T> T tx(boolean fenced, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                long granted = epoch;
                if (fenced && granted != UNFENCED) {
                    checkEpoch(c, granted);
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private static void checkEpoch(Connection c, long granted) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT epoch, owner FROM engine_lease WHERE name = 'engine' FOR UPDATE")) {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LeaseLostException(granted, "nobody (the lease row is gone)");
                }
                if (rs.getLong(1) != granted) {
                    String owner = rs.getString(2);
                    throw new LeaseLostException(
                            granted, (owner.isEmpty() ? "nobody" : owner) + " (epoch " + rs.getLong(1) + ")");
                }
            }
        }
    }

    <T> List<T> query(String sql, Row<T> row, Object... args) {
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
            throw new StoreException(e.getMessage(), e);
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Inserts one row and returns its generated {@code id}. */
    static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    /** Was this failure a unique-key violation (SQL state class 23)? */
    static boolean duplicateKey(StoreException e) {
        return e.getCause() instanceof SQLException s
                && s.getSQLState() != null
                && s.getSQLState().startsWith("23");
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    static Integer nullableInt(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    /** Messages fit their column. */
    static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3990) + "...";
    }
}
