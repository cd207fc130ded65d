package io.dltrigger.engine.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dltrigger.engine.store.AssetRepository;
import io.dltrigger.engine.store.DagRepository;
import io.dltrigger.engine.store.LeaseRepository;
import io.dltrigger.engine.store.RunRepository;
import io.dltrigger.engine.store.Store;
import io.dltrigger.engine.store.SupervisedJobRepository;
import io.dltrigger.engine.store.TaskInstanceRepository;
import java.nio.file.Path;
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

    private JdbcStore(HikariDataSource ds) {
        this.ds = ds;
        Jdbc jdbc = new Jdbc(ds);
        this.dags = new JdbcDagRepository(jdbc);
        this.runs = new JdbcRunRepository(jdbc);
        this.taskInstances = new JdbcTaskInstanceRepository(jdbc);
        this.supervisedJobs = new JdbcSupervisedJobRepository(jdbc);
        this.lease = new JdbcLeaseRepository(jdbc);
        this.assets = new JdbcAssetRepository(jdbc);
    }

    /**
     * The default: an H2 file that other processes (the CLI) can open while the engine runs. (H2 refuses
     * DB_CLOSE_ON_EXIT=FALSE with AUTO_SERVER, so its shutdown hook may close the file before the engine
     * releases its lease; the next engine on this host then takes the lease of the dead process at once.)
     */
    public static String h2FileUrl(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE";
    }

    /** Opens the database and migrates its schema. */
    public static JdbcStore open(String url, String user, String password) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(8);
        cfg.setMinimumIdle(1);
        cfg.setPoolName("dltrigger-engine");
        HikariDataSource ds = new HikariDataSource(cfg);
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
    public void close() {
        ds.close();
    }
}
