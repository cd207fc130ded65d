package io.dltrigger.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 file made by an older engine with an empty password takes the generated one on its next start. */
class H2PasswordTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyPasswordIsReplacedByTheGeneratedOne() throws Exception {
        String url = JdbcStore.h2FileUrl(dir.resolve("state"));
        try (Store old = JdbcStore.open(url, "sa", "")) {
            old.dags().register("d", "id: d", "d.yaml");
        }
        try (Store now = JdbcStore.open(url, "sa", "generated-secret")) {
            assertEquals(1, now.dags().version("d"), "the same database, its state kept");
        }
        assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection(url, "sa", "").close());
        DriverManager.getConnection(url, "sa", "generated-secret").close();
    }
}
