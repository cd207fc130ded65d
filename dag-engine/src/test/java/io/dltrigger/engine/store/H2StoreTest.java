package io.dltrigger.engine.store;

import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on H2 (a file, as the engine uses it by default). */
class H2StoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    Store openEmpty() {
        return JdbcStore.open(JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "");
    }
}
