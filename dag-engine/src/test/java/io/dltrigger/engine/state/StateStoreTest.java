package io.dltrigger.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    @TempDir
    Path dir;

    @Test
    void aChangedDefinitionIsANewVersionAndTheSameOneIsNot() {
        try (StateStore s = Database.open(Database.h2FileUrl(dir.resolve("state")), "sa", "")) {
            assertEquals(1, s.registerDag("d", "id: d\ntasks: [a]\n", "d.yaml"));
            assertEquals(1, s.registerDag("d", "id: d\ntasks: [a]\n", "d.yaml"));
            assertEquals(2, s.registerDag("d", "id: d\ntasks: [a, b]\n", "d.yaml"));
            assertEquals(2, s.dagVersion("d"));
            assertEquals(2, s.dagVersionCount("d"));
        }
    }

    @Test
    void oneScheduledRunPerSchedulePoint() {
        try (StateStore s = Database.open(Database.h2FileUrl(dir.resolve("state")), "sa", "")) {
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            var params = new ObjectMapper().createObjectNode();
            assertTrue(s.insertRun("d", "scheduled__x", RunType.SCHEDULED, 1, t, t, t, params, null)
                    .isPresent());
            assertEquals(
                    Optional.empty(), s.insertRun("d", "scheduled__x", RunType.SCHEDULED, 1, t, t, t, params, null));
            assertEquals(1, s.runs("d", 10).size());
        }
    }

    @Test
    void theEngineLeaseIsExclusiveUntilItsHolderDies() {
        try (StateStore s = Database.open(Database.h2FileUrl(dir.resolve("state")), "sa", "")) {
            assertEquals(Optional.empty(), s.acquireLease("a", "host1", 100, 30_000, pid -> true));
            assertTrue(
                    s.acquireLease("b", "host1", 200, 30_000, pid -> true)
                            .orElseThrow()
                            .contains("pid 100"),
                    "a is alive");
            assertTrue(
                    s.acquireLease("b", "host2", 200, 30_000, pid -> false).isPresent(),
                    "another host can't tell: wait for staleness");
            assertEquals(
                    Optional.empty(),
                    s.acquireLease("b", "host1", 200, 30_000, pid -> pid != 100),
                    "a's process is dead");
            assertEquals(false, s.heartbeat("a"), "a lost the lease");
            assertEquals(true, s.heartbeat("b"));
        }
    }
}
