package io.dltrigger.engine.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.dagfile.DagRegistry;
import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunType;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.store.Store;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs the scheduler creates and admits, on a real H2 store. */
class SchedulerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:30:00Z");

    @TempDir
    Path dir;

    private Store store;
    private DagRegistry dags;
    private Scheduler scheduler;

    @BeforeEach
    void open() {
        store = JdbcStore.open(JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "");
        dags = new DagRegistry(null, store.dags(), Set.of());
        scheduler = new Scheduler(store.runs(), store.dags(), dags);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void queuedRunsStartOldestFirstWithinMaxActiveRunsCountingTheActiveOnes() {
        dags.register(DagBuilder.dag("d")
                .maxActiveRuns(2)
                .task("t", new TaskAction.Noop())
                .build());
        DagRun running = started(manual("d", 1));
        DagRun second = manual("d", 2);
        manual("d", 3);
        assertEquals(List.of(second.id()), admitted(List.of(running), null), "one slot is taken by the running run");
        assertEquals(2, admitted(List.of(), null).size());
    }

    @Test
    void aBackfillRunsWithinItsOwnParallelismBesideTheDagsOtherRuns() {
        dags.register(DagBuilder.dag("d")
                .maxActiveRuns(1)
                .task("t", new TaskAction.Noop())
                .build());
        DagRun manual = manual("d", 1);
        List<DagRun> backfill = new RunFactory(store.runs())
                .backfill(
                        dags.dag("d").orElseThrow(),
                        1,
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 1, 3),
                        2,
                        Map.of());
        assertEquals(
                List.of(manual.id(), backfill.get(0).id(), backfill.get(1).id()),
                admitted(List.of(), null),
                "max_active_runs 1 for the manual run, parallelism 2 for the backfill");
    }

    @Test
    void aBackfillOfMoreRunsThanTheCapIsRefusedWholeBeforeItCreatesAny() {
        dags.register(DagBuilder.dag("m")
                .schedule("* * * * *", "UTC")
                .startDate(Instant.parse("2026-01-01T00:00:00Z"))
                .task("t", new TaskAction.Noop())
                .build());
        RunFactory factory = new RunFactory(store.runs());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> factory.backfill(
                        dags.dag("m").orElseThrow(),
                        1,
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 1, 7), // 10,080 minutes
                        1,
                        Map.of()));
        assertTrue(e.getMessage().contains("more than " + RunFactory.MAX_BACKFILL_RUNS + " runs"), e.getMessage());
        assertEquals(List.of(), store.runs().recent("m", 10));
        List<DagRun> oneDay = factory.backfill(
                dags.dag("m").orElseThrow(), 1, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), 1, Map.of());
        assertEquals(1440, oneDay.size(), "one day of minutes is within the cap");
    }

    @Test
    void aPausedDagGetsNoRunsUnlessOneIsDrivenInTheForeground() {
        dags.register(DagBuilder.dag("d")
                .schedule("0 * * * *", "UTC")
                .startDate(Instant.parse("2026-03-01T00:00:00Z"))
                .task("t", new TaskAction.Noop())
                .build());
        store.dags().setPaused("d", true);
        DagRun run = manual("d", 1);
        assertEquals(List.of(), admitted(List.of(), null));
        assertEquals(
                List.of(),
                store.runs().recent("d", 10).stream()
                        .filter(r -> r.type() == RunType.SCHEDULED)
                        .toList(),
                "no scheduled run created");
        assertEquals(List.of(run.id()), admitted(List.of(), run.id()), "engine run drives its own run");
    }

    @Test
    void withoutCatchupOnlyTheLatestCompleteIntervalRunsAndOnlyOnce() {
        dags.register(DagBuilder.dag("d")
                .schedule("0 * * * *", "UTC")
                .startDate(Instant.parse("2026-03-01T00:00:00Z"))
                .task("t", new TaskAction.Noop())
                .build());
        List<DagRun> first = scheduler.admit(NOW, List.of(), null).stream()
                .map(Scheduler.Admitted::run)
                .toList();
        assertEquals(1, first.size());
        assertEquals(Instant.parse("2026-03-01T09:00:00Z"), first.get(0).logicalDate());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), first.get(0).intervalEnd());
        assertEquals(
                List.of(), admitted(List.of(started(first.get(0))), null), "the same interval is never created twice");
    }

    private List<Long> admitted(List<DagRun> active, Long only) {
        return scheduler.admit(NOW, active, only).stream()
                .map(a -> a.run().id())
                .toList();
    }

    /** As the executor starts an admitted run. */
    private DagRun started(DagRun run) {
        store.runs().start(run.id(), List.of(), NOW);
        return store.runs().get(run.id()).orElseThrow();
    }

    private DagRun manual(String dagId, int n) {
        return store.runs()
                .insert(
                        dagId,
                        "manual__" + n,
                        RunType.MANUAL,
                        1,
                        NOW,
                        NOW,
                        NOW,
                        new ObjectMapper().createObjectNode(),
                        null)
                .orElseThrow();
    }
}
