package io.dltrigger.engine.store;

import io.dltrigger.engine.store.jdbc.JdbcStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL (embedded binaries), a fresh database per test. */
class PostgresStoreTest extends StoreContract {
    private static EmbeddedPostgres pg;
    private static int databases;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        pg.close();
    }

    @Override
    Store openEmpty() throws Exception {
        String name = "contract_" + (++databases);
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return JdbcStore.open(pg.getJdbcUrl("postgres", name), "postgres", "");
    }
}
