package io.dltrigger.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.RunType;
import io.dltrigger.engine.model.TaskAction;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same engine on a real PostgreSQL (embedded binaries), through the Flyway migrations. */
class PostgresEngineTest {
    @TempDir
    Path dir;

    @Test
    void catchupCreatesEveryMissedIntervalWithinMaxActiveRunsOnPostgres() throws Exception {
        Path spans = dir.resolve("spans");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        try (EmbeddedPostgres pg = EmbeddedPostgres.start();
                EngineFixture f =
                        new EngineFixture(dir, 4, Map.of(), pg.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
            f.register(DagBuilder.dag("minutely")
                            .schedule("* * * * *", "UTC")
                            .catchup(true)
                            .startDate(start)
                            .maxActiveRuns(2)
                            .task(
                                    "t",
                                    new TaskAction.Shell(
                                            "s=$(date +%s%N); sleep 0.3; e=$(date +%s%N); echo \"$s $e\" >> " + spans,
                                            Map.of()))
                            .task(
                                    "mapped",
                                    new TaskAction.Shell("test \"$DLTRIGGER_ITEM\" -ge 0", Map.of()),
                                    t -> t.dependsOn("t").mapOver(List.of(1, 2, 3)))
                            .build())
                    .start();
            EngineFixture.await(
                    "5 scheduled runs to succeed",
                    Duration.ofSeconds(90),
                    () -> f.service().runs("minutely", 100).stream()
                                    .filter(r -> r.type() == RunType.SCHEDULED
                                            && r.logicalDate().isBefore(start.plus(Duration.ofMinutes(5))))
                                    .filter(r -> r.state() == RunState.SUCCESS)
                                    .count()
                            == 5);
            List<DagRun> runs = f.service().runs("minutely", 100).stream()
                    .filter(r -> r.logicalDate().isBefore(start.plus(Duration.ofMinutes(5))))
                    .toList();
            assertEquals(5, runs.size(), "one run per missed minute, never two");
            for (int i = 0; i < 5; i++) {
                Instant logical = start.plus(Duration.ofMinutes(i));
                assertTrue(
                        runs.stream()
                                .anyMatch(r -> r.logicalDate().equals(logical)
                                        && r.intervalEnd().equals(logical.plus(Duration.ofMinutes(1)))),
                        "interval starting " + logical);
                assertEquals(3, f.mapped(runs.get(i).id(), "mapped").size());
            }
        }
        List<long[]> iv = new ArrayList<>();
        for (String line : Files.readAllLines(spans)) {
            String[] p = line.trim().split(" ");
            iv.add(new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])});
        }
        for (long[] a : iv) {
            long overlapping =
                    iv.stream().filter(b -> b[0] <= a[0] && a[0] < b[1]).count();
            assertTrue(overlapping <= 2, "max_active_runs 2 exceeded: " + overlapping + " runs' tasks overlapped");
        }
    }
}
