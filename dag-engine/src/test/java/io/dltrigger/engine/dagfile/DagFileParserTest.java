package io.dltrigger.engine.dagfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.engine.model.Callback;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.ParamSpec;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TriggerRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagFileParserTest {
    private static final String GOOD = String.join(
            "\n",
            "id: nightly", // 1
            "description: features then training", // 2
            "schedule: '30 2 * * *'", // 3
            "timezone: Europe/Zurich", // 4
            "catchup: true", // 5
            "start_date: 2026-01-01", // 6
            "max_active_runs: 2", // 7
            "params:", // 8
            "  samples: 1000", // 9
            "defaults:", // 10
            "  retries: 2", // 11
            "  retry_delay: 30s", // 12
            "tasks:", // 13
            "  - id: features", // 14
            "    type: spark", // 15
            "    module: batch-features", // 16
            "    args: [features, --events, '{{ params.samples }}']", // 17
            "    master: local[2]", // 18
            "  - id: grid", // 19
            "    type: shell", // 20
            "    command: \"echo '{\\\"points\\\": [1, 2]}' > $DLTRIGGER_OUTPUT\"",
            "  - id: tune",
            "    type: java",
            "    module: dl4j-training",
            "    args: [tune, '{{ item }}']",
            "    depends_on: [features, grid]",
            "    map_over: '{{ outputs.grid.points }}'",
            "    pool: gpu",
            "    timeout: 2h",
            "  - id: report",
            "    type: shell",
            "    command: echo \"$TUNE\"",
            "    env: {TUNE: '{{ outputs.tune }}'}",
            "    depends_on: [tune]",
            "    trigger_rule: all_done",
            "    retries: 0",
            "");

    private static DagFileException refused(String yaml) {
        return assertThrows(DagFileException.class, () -> DagFileParser.parse("conf/dags/x.yaml", yaml));
    }

    @Test
    void parsesAFullDag() {
        Dag d = DagFileParser.parse("conf/dags/nightly.yaml", GOOD);
        assertEquals("nightly", d.id());
        assertEquals(4, d.tasks().size());
        assertEquals(Instant.parse("2026-01-01T00:00:00+01:00"), d.startDate());
        assertEquals(
                Instant.parse("2026-01-02T01:30:00Z"),
                d.schedule().next(Instant.parse("2026-01-01T12:00:00Z")).orElseThrow(),
                "02:30 Zurich time is 01:30 UTC in winter");
        assertEquals(2, d.task("features").orElseThrow().retry().retries(), "defaults apply");
        assertEquals(
                Duration.ofSeconds(30), d.task("features").orElseThrow().retry().delay());
        assertEquals(0, d.task("report").orElseThrow().retry().retries(), "a task setting beats the default");
        assertEquals(TriggerRule.ALL_DONE, d.task("report").orElseThrow().triggerRule());
        assertTrue(d.task("tune").orElseThrow().mapped());
        assertEquals(Duration.ofHours(2), d.task("tune").orElseThrow().timeout());
        assertEquals(
                "local[2]", ((TaskAction.Spark) d.task("features").orElseThrow().action()).master());
        assertEquals(1000, d.paramDefaults().get("samples").asInt());
        assertEquals(ParamSpec.Type.INT, d.params().get("samples").type(), "a bare default gives the type");
    }

    @Test
    void refusesUnknownKeysWithTheirLine() {
        DagFileException e = refused(GOOD.replace("    master: local[2]", "    mastr: local[2]"));
        assertEquals(18, e.line());
        assertTrue(e.reason().contains("unknown key 'mastr'"), e.getMessage());
        assertEquals("conf/dags/x.yaml", e.file());
    }

    @Test
    void refusesMissingFields() {
        DagFileException e = refused(GOOD.replace("    module: batch-features\n", ""));
        assertTrue(e.reason().contains("missing required key 'module'"), e.getMessage());
        assertEquals(14, e.line());
    }

    @Test
    void refusesACycleNamingIt() {
        DagFileException e =
                refused(GOOD.replace("    master: local[2]", "    master: local[2]\n    depends_on: [report]"));
        assertTrue(
                e.reason().contains("cycle (each task depends on the next): features -> report -> tune -> features"),
                e.getMessage());
        assertEquals(14, e.line());
    }

    @Test
    void refusesUnknownTaskTypeBadCronAndUnknownReferences() {
        DagFileException type = refused(GOOD.replace(
                "    type: shell\n    command: echo \"$TUNE\"\n    env: {TUNE: '{{ outputs.tune }}'}",
                "    type: bash\n    command: x"));
        assertTrue(type.reason().contains("unknown task type 'bash'"), type.getMessage());
        assertEquals(31, type.line());

        DagFileException cron = refused(GOOD.replace("'30 2 * * *'", "'61 2 * * *'"));
        assertEquals(3, cron.line());
        assertTrue(cron.reason().contains("bad cron expression"), cron.getMessage());

        DagFileException dep = refused(GOOD.replace("depends_on: [tune]", "depends_on: [tuned]"));
        assertTrue(dep.reason().contains("unknown task 'tuned'"), dep.getMessage());
        assertEquals(30, dep.line());

        DagFileException param = refused(GOOD.replace("params.samples", "params.sample"));
        assertTrue(param.reason().contains("unknown parameter 'sample'"), param.getMessage());
        assertEquals(14, param.line());

        DagFileException output = refused(GOOD.replace("{{ outputs.tune }}", "{{ outputs.nothing }}"));
        assertTrue(output.reason().contains("not an upstream task"), output.getMessage());
    }

    private static final String ASSETS = String.join(
            "\n",
            "id: retrain", // 1
            "params: {min_new: 100, table: '{{ profile.data }}/events'}", // 2
            "triggers:", // 3
            "  - asset: event-table", // 4
            "    min_interval: 1m", // 5
            "    check:", // 6
            "      type: java", // 7
            "      module: pipeline", // 8
            "      args: [new-events, '{{ params.table }}', '{{ asset.event.rows }}']", // 9
            "tasks:", // 10
            "  - id: ingest", // 11
            "    type: noop", // 12
            "    outlets: [event-table]", // 13
            "");

    @Test
    void parsesOutletsAndAssetTriggers() {
        Dag d = DagFileParser.parse("conf/dags/retrain.yaml", ASSETS);
        assertEquals(
                java.util.List.of("event-table"), d.task("ingest").orElseThrow().outlets());
        assertEquals(1, d.triggers().size());
        assertEquals("event-table", d.triggers().get(0).asset());
        assertEquals(Duration.ofMinutes(1), d.triggers().get(0).minInterval());
        assertEquals("pipeline", ((TaskAction.Java) d.triggers().get(0).check()).module());
        assertEquals(
                "{{ profile.data }}/events",
                d.params().get("table").defaultValue().asText(),
                "rendered when a run is made");
    }

    @Test
    void refusesBadTriggersAndParamDefaultsWithTheirLine() {
        DagFileException type = refused(ASSETS.replace("      type: java", "      type: noop"));
        assertEquals(7, type.line());
        assertTrue(type.reason().contains("a check is of type java or shell"), type.getMessage());

        DagFileException ref = refused(ASSETS.replace("asset.event.rows", "outputs.x"));
        assertEquals(4, ref.line());
        assertTrue(ref.reason().contains("a check may use"), ref.getMessage());

        DagFileException param = refused(ASSETS.replace("{{ profile.data }}/events", "{{ run_id }}/events"));
        assertEquals(2, param.line());
        assertTrue(param.reason().contains("a default may only use {{ profile.KEY }}"), param.getMessage());

        DagFileException outlet = refused(ASSETS.replace("[event-table]", "['event table']"));
        assertEquals(11, outlet.line());
        assertTrue(outlet.reason().contains("bad asset name 'event table'"), outlet.getMessage());
    }

    @Test
    void aDagThatUsesAKeyTheProfileLacksIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("retrain.yaml"),
                ASSETS.replace(
                        "    type: noop",
                        "    type: spark\n    module: batch-features\n    master: '{{ profile.spark_master }}'"));
        var store = io.dltrigger.engine.store.jdbc.JdbcStore.open(
                io.dltrigger.engine.store.jdbc.JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "");
        try (store) {
            DagRegistry ok = new DagRegistry(
                    dir,
                    store.dags(),
                    java.util.Set.of(),
                    new io.dltrigger.engine.config.Profile(
                            "local", java.util.Map.of("data", "d", "spark_master", "local[2]"), java.util.Map.of()));
            ok.refresh();
            assertTrue(ok.errors().isEmpty(), () -> ok.errors().toString());
            DagRegistry lacking = new DagRegistry(
                    dir,
                    store.dags(),
                    java.util.Set.of(),
                    new io.dltrigger.engine.config.Profile("k8s", java.util.Map.of("data", "d"), java.util.Map.of()));
            lacking.refresh();
            DagFileException e = lacking.errors().get(0);
            assertEquals(11, e.line());
            assertTrue(
                    e.reason().contains("{{ profile.spark_master }}, which profile 'k8s' does not define"),
                    e.getMessage());
        }
    }

    @Test
    void aShellCommandTakesNoTemplatesAndTheRefusalNamesTheSafeForm() {
        DagFileException e = refused(GOOD.replace("command: echo \"$TUNE\"", "command: echo '{{ params.samples }}'"));
        assertEquals(32, e.line(), "the line of 'command'");
        assertTrue(e.reason().contains("splices {{ params.samples }} into shell text"), e.getMessage());
        assertTrue(
                e.reason().contains("env: {SAMPLES: \"{{ params.samples }}\"} and \"$SAMPLES\" in the command"),
                e.getMessage());
        assertTrue(e.reason().contains("$DLTRIGGER_PARAM_samples"), e.getMessage());

        DagFileException run = refused(GOOD.replace("command: echo \"$TUNE\"", "command: echo {{ ds }}"));
        assertTrue(run.reason().contains("splices {{ ds }} into shell text"), run.getMessage());

        DagFileException jvm = refused(
                GOOD.replace("    args: [tune, '{{ item }}']", "    args: [tune]\n    jvm_opts: ['-Xmx{{ item }}']"));
        assertEquals(26, jvm.line(), "the line of 'jvm_opts'");
        assertTrue(jvm.reason().contains("{{ item }} in JVM options"), jvm.getMessage());
    }

    @Test
    void paramsAreTypedAndTheirDefaultsChecked() {
        String typed = GOOD.replace(
                "  samples: 1000",
                String.join(
                        "\n",
                        "  samples: {type: int, default: 1000, min: 1, max: 1000000}",
                        "  mode: {type: enum, values: [fast, full], default: fast}",
                        "  tag: {type: string, pattern: '[a-z0-9_]{1,16}', default: demo, description: a label}",
                        "  out: {type: path, default: data/out, under: data}",
                        "  lr: 0.01",
                        "  classes: [qcd, ttbar]"));
        Dag d = DagFileParser.parse("conf/dags/x.yaml", typed);
        assertEquals(ParamSpec.Type.INT, d.params().get("samples").type());
        assertEquals(ParamSpec.Type.ENUM, d.params().get("mode").type());
        assertEquals(ParamSpec.Type.FLOAT, d.params().get("lr").type());
        assertEquals(ParamSpec.Type.LIST, d.params().get("classes").type());
        assertEquals("a label", d.params().get("tag").description());
        assertEquals(
                "{\"samples\":1000,\"mode\":\"fast\",\"tag\":\"demo\",\"out\":\"data/out\",\"lr\":0.01,"
                        + "\"classes\":[\"qcd\",\"ttbar\"]}",
                d.paramDefaults().toString());

        DagFileException bound = refused(typed.replace("default: 1000, min: 1", "default: 0, min: 1"));
        assertEquals(9, bound.line());
        assertTrue(
                bound.reason().contains("parameter 'samples' must be an integer >= 1 and <= 1000000, got 0"),
                bound.getMessage());
        DagFileException type = refused(typed.replace("type: enum", "type: choice"));
        assertEquals(10, type.line());
        assertTrue(type.reason().contains("unknown parameter type 'choice'"), type.getMessage());
        DagFileException pattern = refused(typed.replace("default: demo", "default: Demo!"));
        assertTrue(
                pattern.reason().contains("parameter 'tag' must be text matching [a-z0-9_]{1,16}"),
                pattern.getMessage());
        DagFileException escape = refused(typed.replace("default: data/out", "default: data/../etc"));
        assertTrue(escape.reason().contains("parameter 'out' must be a path"), escape.getMessage());
        DagFileException name = refused(typed.replace("  lr: 0.01", "  learning-rate: 0.01"));
        assertTrue(name.reason().contains("bad parameter name 'learning-rate'"), name.getMessage());
        DagFileException object = refused(typed.replace("  lr: 0.01", "  lr: {value: 0.01}"));
        assertTrue(object.reason().contains("unknown key 'value'"), object.getMessage());
    }

    @Test
    void aBranchChoosesAmongItsDownstreamTasksAndIsNotMapped() {
        String branching = String.join(
                "\n",
                "id: b",
                "tasks:",
                "  - id: pick",
                "    type: branch",
                "    command: echo '[\"fast\"]' > \"$DLTRIGGER_OUTPUT\"",
                "  - {id: fast, type: noop, depends_on: [pick]}",
                "  - {id: full, type: noop, depends_on: [pick]}",
                "  - {id: join, type: noop, depends_on: [fast, full], trigger_rule: none_failed_min_one_success}",
                "");
        Dag d = DagFileParser.parse("b.yaml", branching);
        assertTrue(d.task("pick").orElseThrow().action() instanceof TaskAction.Branch);
        assertEquals(
                TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS,
                d.task("join").orElseThrow().triggerRule());
        DagFileException alone =
                refused(String.join("\n", "id: b", "tasks:", "  - {id: pick, type: branch, command: 'true'}"));
        assertTrue(alone.reason().contains("a branch task needs downstream tasks"), alone.getMessage());
        DagFileException mapped =
                refused(branching.replace("    type: branch", "    type: branch\n    map_over: [1, 2]"));
        assertTrue(mapped.reason().contains("a branch task cannot be mapped"), mapped.getMessage());
        DagFileException rule = refused(branching.replace("none_failed_min_one_success", "NONE_FAILED"));
        assertTrue(
                rule.reason()
                        .contains("unknown trigger rule 'NONE_FAILED' (one of all_success, all_done, one_failed,"
                                + " none_failed, none_failed_min_one_success, all_skipped, one_done, always)"),
                rule.getMessage());
    }

    @Test
    void callbacksAndSlasAreReadAndCheckedWithTheirLine() {
        String alerting = GOOD.replace(
                "defaults:",
                String.join(
                        "\n",
                        "sla: 3h",
                        "callbacks:",
                        "  - events: [task_failure, run_failure, sla_miss]",
                        "    webhook: https://hooks.example.org/engine",
                        "    retries: 5",
                        "  - events: [run_success]",
                        "    command: [bin/notify, --channel, ops]",
                        "  - events: [task_retry]",
                        "    webhook_env: CHAT_WEBHOOK",
                        "defaults:",
                        "  sla: 1h"));
        Dag d = DagFileParser.parse("x.yaml", alerting);
        assertEquals(Duration.ofHours(3), d.sla());
        assertEquals(3, d.callbacks().size());
        assertEquals(5, d.callbacks().get(0).retries());
        assertEquals(
                List.of("bin/notify", "--channel", "ops"),
                ((Callback.Target.Command) d.callbacks().get(1).target()).argv());
        assertEquals(
                "CHAT_WEBHOOK", ((Callback.Target.Webhook) d.callbacks().get(2).target()).urlEnv());
        assertEquals(Duration.ofHours(1), d.task("report").orElseThrow().sla(), "a default");

        DagFileException event = refused(alerting.replace("run_failure, sla_miss", "run_failure, sla_missed"));
        assertEquals(12, event.line());
        assertTrue(event.reason().contains("unknown event 'sla_missed'"), event.getMessage());
        DagFileException shell = refused(alerting.replace("[bin/notify, --channel, ops]", "bin/notify --channel ops"));
        assertEquals(16, shell.line());
        assertTrue(
                shell.reason().contains("'command' is a list: [program, arguments...] (no shell)"), shell.getMessage());
        DagFileException scheme = refused(alerting.replace("https://hooks", "file://hooks"));
        assertTrue(scheme.reason().contains("a webhook URL is http:// or https://"), scheme.getMessage());
        DagFileException two = refused(alerting.replace("    retries: 5", "    command: [x]"));
        assertTrue(two.reason().contains("exactly one of webhook, webhook_env or command"), two.getMessage());
    }

    @Test
    void refusesYamlSyntaxErrorsWithTheLine() {
        DagFileException e = refused("id: x\ntasks:\n  - id: a\n    type: [shell\n");
        assertTrue(e.line() >= 4, e.getMessage());
        assertTrue(e.reason().startsWith("YAML syntax"), e.getMessage());
    }

    @Test
    void aBadFileIsRefusedAndTheOthersStillLoad(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.yaml"), GOOD);
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\ntasks:\n  - id: a\n    type: shell\n    comand: true\n");
        DagFolder.Scan scan = DagFolder.scan(dir);
        assertEquals(java.util.Set.of("nightly"), scan.dags().keySet());
        assertEquals(1, scan.errors().size());
        DagFileException e = scan.errors().get(0);
        assertTrue(e.file().endsWith("bad.yaml"));
        assertEquals(5, e.line());
        assertTrue(e.reason().contains("unknown key 'comand'"), e.getMessage());
    }

    @Test
    void theProjectsDagFilesAreValid() {
        Path folder =
                Path.of(System.getProperty("user.dir")).resolve("../conf/dags").normalize();
        DagFolder.Scan scan = DagFolder.scan(folder);
        assertTrue(scan.errors().isEmpty(), () -> "refused: " + scan.errors());
        assertTrue(scan.dags().containsKey("example"), "conf/dags/example.yaml loads");
        for (String dag : java.util.List.of("ingest", "ingest-backfill", "retrain")) {
            assertTrue(scan.dags().containsKey(dag), "conf/dags/" + dag + ".yaml loads");
        }
    }

    /** Every profile defines what the DAGs use and the pools they name; none hard-codes a master or a path. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"local", "cluster", "k8s"})
    void theProjectsDagsLoadUnderEveryProfile(String name, @TempDir Path dir) throws Exception {
        Path home = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
        var profile = io.dltrigger.engine.config.Profile.load(home, name, false, k -> null);
        var store = io.dltrigger.engine.store.jdbc.JdbcStore.open(
                io.dltrigger.engine.store.jdbc.JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "");
        try (store) {
            DagRegistry registry = new DagRegistry(
                    home.resolve("conf/dags"), store.dags(), profile.pools().keySet(), profile);
            registry.refresh();
            assertTrue(registry.errors().isEmpty(), () -> name + ": refused " + registry.errors());
            var retrain = registry.dag("retrain").orElseThrow();
            for (String key : java.util.List.of("event_table", "registry", "runs")) {
                assertTrue(
                        retrain.params().get(key).defaultValue().asText().startsWith("{{ profile."),
                        key + " comes from the profile");
            }
            assertEquals("event-table", retrain.triggers().get(0).asset());
            assertTrue(retrain.task("tune").orElseThrow().mapped());
            assertEquals("spark", retrain.task("tune").orElseThrow().pool());
            for (var t : retrain.tasks()) {
                if (t.action() instanceof TaskAction.Spark sp) {
                    assertEquals(
                            "{{ profile.spark_master }}", sp.master(), t.id() + " takes its master from the profile");
                }
            }
        }
    }
}
