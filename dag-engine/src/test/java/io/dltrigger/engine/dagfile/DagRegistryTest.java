package io.dltrigger.engine.dagfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.store.Store;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DAG whose file breaks keeps running its last good version, beside the refusal, even after a restart. */
class DagRegistryTest {
    @TempDir
    Path dir;

    private static final String GOOD = "id: d\ntasks:\n  - id: a\n    type: shell\n    command: echo one\n";
    private static final String BROKEN = "id: d\ntasks:\n  - id: a\n    type: shell\n    comand: echo two\n";

    @Test
    void aBrokenFileKeepsItsLastGoodVersionAndSaysWhy() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("dags"));
        Path file = folder.resolve("d.yaml");
        write(file, GOOD, 1);
        try (Store store = JdbcStore.open(JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "")) {
            DagRegistry registry = new DagRegistry(folder, store.dags(), Set.of());
            registry.refresh();
            assertEquals(Optional.empty(), registry.staleError("d"));

            write(file, BROKEN, 2);
            registry.refresh();
            assertEquals("echo one", command(registry), "the last good definition");
            assertEquals(1, registry.errors().size());
            String why = registry.staleError("d").orElseThrow();
            assertTrue(why.contains(file + ":5") && why.contains("unknown key 'comand'"), why);
            assertEquals(1, store.dags().versionCount("d"), "no version for a refused file");

            DagRegistry restarted = new DagRegistry(folder, store.dags(), Set.of());
            restarted.refresh();
            assertEquals("echo one", command(restarted), "after a restart: the version the store recorded");
            assertTrue(restarted.staleError("d").isPresent());

            write(file, GOOD.replace("echo one", "echo three"), 3);
            registry.refresh();
            assertEquals("echo three", command(registry));
            assertEquals(Optional.empty(), registry.staleError("d"));
            assertEquals(2, store.dags().versionCount("d"));

            Files.delete(file);
            registry.refresh();
            assertTrue(registry.dag("d").isEmpty(), "a deleted file takes its DAG away");
        }
    }

    private static String command(DagRegistry r) {
        return ((TaskAction.Shell)
                        r.dag("d").orElseThrow().task("a").orElseThrow().action())
                .command();
    }

    /** Writes and sets a distinct modification time, so that the change is seen whatever the clock's grain. */
    private static void write(Path file, String text, int n) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(
                file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n)));
    }
}
