package io.dltrigger.engine.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.engine.model.ApiToken;
import io.dltrigger.engine.model.Role;
import io.dltrigger.engine.store.Store;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start's admin token, a deployment's, and what the store keeps of tokens (their hash only). */
class TokensTest {
    @TempDir
    Path dir;

    @Test
    void theFirstStartWritesAnAdminTokenReadableByItsOwnerOnlyAndKeepsIt() throws Exception {
        try (Store store = JdbcStore.open(JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "")) {
            Tokens tokens = new Tokens(store.tokens());
            Path file = dir.resolve("engine/admin.token");
            tokens.ensureAdminToken(file, null);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String secret = SecretFiles.read(file);
            assertTrue(secret.startsWith("dlt_") && secret.length() > 40, secret);
            ApiToken admin = tokens.verify(secret).orElseThrow();
            assertEquals(Role.ADMIN, admin.role());

            tokens.ensureAdminToken(file, null);
            assertEquals(secret, SecretFiles.read(file), "a second start keeps it");
            assertEquals(1, store.tokens().all().size());

            String stored = String.join(",", store.tokens().all().toString());
            assertFalse(stored.contains(secret), "the store never holds a token");
        }
    }

    @Test
    void aDeploymentsTokenIsRegisteredOnceAsAnAdminsAndAShortOneRefused() {
        try (Store store = JdbcStore.open(JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "")) {
            Tokens tokens = new Tokens(store.tokens());
            String given = "0123456789abcdef".repeat(4); // as k8s/make-secrets.sh makes them
            Path file = dir.resolve("engine/admin.token");
            tokens.ensureAdminToken(file, given);
            tokens.ensureAdminToken(file, given);
            assertEquals(1, store.tokens().all().size());
            assertEquals("bootstrap", tokens.verify(given).orElseThrow().name());
            assertFalse(Files.exists(file), "no second admin token on disk");
            assertThrows(IllegalArgumentException.class, () -> tokens.ensureAdminToken(file, "short"));
            assertTrue(
                    tokens.verify("dlt_unknown-but-long-enough-to-be-looked-up").isEmpty());
        }
    }
}
