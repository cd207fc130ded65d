package io.dltrigger.engine.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/** Opens the state database (a Hikari pool) and brings its schema up to date with Flyway. */
public final class Database {
    private Database() {}

    /**
     * The default: an H2 file that other processes (the CLI) can open while the engine runs. (H2 refuses
     * DB_CLOSE_ON_EXIT=FALSE with AUTO_SERVER, so its shutdown hook may close the file before the engine
     * releases its lease; the next engine on this host then takes the lease of the dead process at once.)
     */
    public static String h2FileUrl(java.nio.file.Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE";
    }

    public static StateStore open(String url, String user, String password) {
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
        return new StateStore(ds);
    }
}
