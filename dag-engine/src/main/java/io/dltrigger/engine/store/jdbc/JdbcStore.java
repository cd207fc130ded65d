package io.dltrigger.engine.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dltrigger.engine.store.AssetRepository;
import io.dltrigger.engine.store.AuditRepository;
import io.dltrigger.engine.store.DagRepository;
import io.dltrigger.engine.store.LeaseRepository;
import io.dltrigger.engine.store.RunRepository;
import io.dltrigger.engine.store.Store;
import io.dltrigger.engine.store.StoreException;
import io.dltrigger.engine.store.SupervisedJobRepository;
import io.dltrigger.engine.store.TaskInstanceRepository;
import io.dltrigger.engine.store.TokenRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * The store on a JDBC database (H2 or PostgreSQL): a Hikari pool, the schema brought up to date by
 * Flyway ({@code db/migration}), and one repository per concept over it.
 */
public final class JdbcStore implements Store {
    private final HikariDataSource ds;
    private final DagRepository dags;
    private final RunRepository runs;
    private final TaskInstanceRepository taskInstances;
    private final SupervisedJobRepository supervisedJobs;
    private final LeaseRepository lease;
    private final AssetRepository assets;
    private final TokenRepository tokens;
    private final AuditRepository audit;
    private final Jdbc jdbc;

    private JdbcStore(HikariDataSource ds) {
        this.ds = ds;
        this.jdbc = new Jdbc(ds);
        this.dags = new JdbcDagRepository(jdbc);
        this.runs = new JdbcRunRepository(jdbc);
        this.taskInstances = new JdbcTaskInstanceRepository(jdbc);
        this.supervisedJobs = new JdbcSupervisedJobRepository(jdbc);
        this.lease = new JdbcLeaseRepository(jdbc);
        this.assets = new JdbcAssetRepository(jdbc);
        this.tokens = new JdbcTokenRepository(jdbc);
        this.audit = new JdbcAuditRepository(jdbc);
    }

    static {
        // H2's TCP server (db.h2_tcp_port) listens on all interfaces unless this is set before H2 starts; the
        // launcher sets it too (launch.env), this covers programs and tests that embed the engine.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /**
     * The default: an H2 file that only the engine's process opens (no network listener: other processes talk to
     * the engine over REST). Closed by the engine, not by H2's shutdown hook, so that the engine releases its
     * lease first.
     */
    public static String h2FileUrl(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Opens the database and migrates its schema. An H2 file made by an older engine with an empty password gets
     * {@code password} now. On PostgreSQL, a transaction left open by a frozen client is ended by the server
     * (so a frozen engine can't hold the lease row forever) and lock waits are bounded.
     */
    public static JdbcStore open(String url, String user, String password) {
        HikariDataSource ds;
        try {
            ds = pool(url, user, password);
        } catch (RuntimeException e) {
            SQLException cause = sqlCause(e);
            if (cause != null && cause.getErrorCode() == H2_WRONG_PASSWORD && url.startsWith("jdbc:h2:file:")) {
                setH2Password(url, user, password);
                ds = pool(url, user, password);
            } else if (cause != null && cause.getErrorCode() == H2_IN_USE) {
                throw new StoreException(
                        "the state database " + redacted(url) + " is in use by another process (an engine:"
                                + " bin/dltrigger commands talk to it over REST; to share an H2 database between"
                                + " processes, set db.h2_tcp_port)",
                        cause);
            } else {
                throw e;
            }
        }
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new JdbcStore(ds);
    }

    /** The URL as it may be shown: a {@code password=} parameter masked. */
    public static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    private static final int H2_WRONG_PASSWORD = 28000;
    private static final int H2_IN_USE = 90020;

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(8);
        cfg.setMinimumIdle(1);
        cfg.setPoolName("dltrigger-engine");
        if (url.startsWith("jdbc:postgresql:")) {
            cfg.setConnectionInitSql("SET lock_timeout = '10s'; SET idle_in_transaction_session_timeout = '30s'");
            cfg.addDataSourceProperty("connectTimeout", "10");
        }
        return new HikariDataSource(cfg);
    }

    private static void setH2Password(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, "");
                PreparedStatement ps = c.prepareStatement("ALTER USER " + quoted(user) + " SET PASSWORD ?")) {
            ps.setString(1, password);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot open " + redacted(url) + ": wrong password", e);
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.toUpperCase(java.util.Locale.ROOT).replace("\"", "\"\"") + "\"";
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    @Override
    public DagRepository dags() {
        return dags;
    }

    @Override
    public RunRepository runs() {
        return runs;
    }

    @Override
    public TaskInstanceRepository taskInstances() {
        return taskInstances;
    }

    @Override
    public SupervisedJobRepository supervisedJobs() {
        return supervisedJobs;
    }

    @Override
    public LeaseRepository lease() {
        return lease;
    }

    @Override
    public AssetRepository assets() {
        return assets;
    }

    @Override
    public TokenRepository tokens() {
        return tokens;
    }

    @Override
    public AuditRepository audit() {
        return audit;
    }

    @Override
    public void fence(long epoch) {
        jdbc.fence(epoch);
    }

    @Override
    public void close() {
        ds.close();
    }
}
