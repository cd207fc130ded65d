package io.dltrigger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every manifest that {@code kubectl kustomize} renders for the cpu and gpu overlays: built-in kinds parse into
 * fabric8's typed models with no unknown field, custom resources validate against the CRD schemas kept in
 * k8s/crds/ with no unknown field; and what the deployment promises holds (resources, probes, non-root, least
 * privilege, default-deny networking, GPU placement, savepoint upgrades, gang scheduling).
 */
class ManifestsTest {
    private static CrdSchemas crds;

    @TempDir
    Path scratch;

    @BeforeAll
    static void loadCrds() throws Exception {
        crds = CrdSchemas.load(Kustomize.k8s().resolve("crds"));
        assertEquals(3, crds.size(), "FlinkDeployment, SparkApplication and Queue schemas in k8s/crds/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void everyManifestIsKnownAndHasNoUnknownField(String overlay) throws Exception {
        List<JsonNode> docs = Kustomize.render(overlay, scratch);
        assertTrue(docs.size() > 20, "rendered " + docs.size() + " documents");
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            String id = doc.path("kind").asText() + "/"
                    + doc.path("metadata").path("name").asText();
            JsonNode schema = crds.schema(
                    doc.path("apiVersion").asText(), doc.path("kind").asText());
            if (schema != null) {
                // top-level metadata is an ObjectMeta: checked with fabric8's model, the rest with the schema
                StructuralSchema.validateResource(doc, schema).forEach(e -> problems.add(id + ": " + e));
                StrictModels.unknownMetadataFields(doc.path("metadata"))
                        .forEach(e -> problems.add(id + ": metadata." + e + ": unknown field"));
            } else {
                try {
                    StrictModels.unknownFields(StrictModels.parse(doc))
                            .forEach(e -> problems.add(id + ": " + e + ": unknown field"));
                } catch (IllegalArgumentException e) {
                    problems.add(id + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void everyContainerHasRequestsLimitsAndRunsAsNonRoot(String overlay) throws Exception {
        List<HasMetadata> typed = typed(overlay);
        List<String> problems = new ArrayList<>();
        for (HasMetadata r : typed) {
            PodSpec pod = podSpec(r);
            if (pod == null) {
                continue;
            }
            String id = r.getKind() + "/" + r.getMetadata().getName();
            if (!Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())) {
                problems.add(id + ": runAsNonRoot is not set");
            }
            for (Container c : Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
                    .toList()) {
                ResourceRequirements res = c.getResources();
                for (String kind : List.of("cpu", "memory")) {
                    if (res == null
                            || !res.getRequests().containsKey(kind)
                            || !res.getLimits().containsKey(kind)) {
                        problems.add(id + "/" + c.getName() + ": no " + kind + " request and limit");
                    }
                }
                if (c.getSecurityContext() == null
                        || !Boolean.FALSE.equals(c.getSecurityContext().getAllowPrivilegeEscalation())) {
                    problems.add(id + "/" + c.getName() + ": privilege escalation not disabled");
                }
            }
            for (Container c : pod.getContainers()) {
                if (c.getReadinessProbe() == null || c.getLivenessProbe() == null) {
                    problems.add(id + "/" + c.getName() + ": needs readiness and liveness probes");
                }
            }
        }
        assertEquals(List.of(), problems);
        // the operators' resources carry their own requests and limits
        for (JsonNode doc : Kustomize.render(overlay, scratch.resolve("again"))) {
            switch (doc.path("kind").asText()) {
                case "SparkApplication" -> {
                    for (String role : List.of("driver", "executor")) {
                        JsonNode spec = doc.path("spec").path(role);
                        assertTrue(spec.has("cores") && spec.has("coreLimit") && spec.has("memory"), role);
                    }
                }
                case "FlinkDeployment" -> {
                    for (String role : List.of("jobManager", "taskManager")) {
                        JsonNode res = doc.path("spec").path(role).path("resource");
                        assertTrue(res.has("cpu") && res.has("memory"), role);
                    }
                }
                default -> {}
            }
        }
    }

    @Test
    void engineRbacIsNamespacedLeastPrivilege() throws Exception {
        List<HasMetadata> typed = typed("cpu");
        assertTrue(typed.stream().noneMatch(r -> r.getKind().startsWith("Cluster")), "no cluster-wide RBAC");
        Role engine = typed.stream()
                .filter(r -> r instanceof Role && r.getMetadata().getName().equals("dltrigger-engine"))
                .map(Role.class::cast)
                .findFirst()
                .orElseThrow();
        assertEquals("dltrigger", engine.getMetadata().getNamespace());
        for (PolicyRule rule : engine.getRules()) {
            assertFalse(rule.getVerbs().contains("*") || rule.getResources().contains("*"), rule.toString());
            assertFalse(rule.getResources().contains("secrets"), "the engine reads no Secrets: " + rule);
        }
        // exactly what the engine's kubernetes task type does (dag-engine: launch/kubernetes/), no more
        Map<String, List<String>> verbs = new java.util.TreeMap<>();
        for (PolicyRule rule : engine.getRules()) {
            for (String resource : rule.getResources()) {
                verbs.put(rule.getApiGroups().get(0) + "/" + resource, rule.getVerbs());
            }
        }
        assertEquals(
                Map.of(
                        "sparkoperator.k8s.io/sparkapplications", List.of("get", "list", "watch", "create", "delete"),
                        "flink.apache.org/flinkdeployments",
                                List.of("get", "list", "watch", "create", "patch", "delete"),
                        "batch/jobs", List.of("get", "list", "watch", "create", "delete"),
                        "/pods", List.of("get", "list"),
                        "/pods/log", List.of("get")),
                verbs);
    }

    @Test
    void networkIsDenyByDefaultAndPostgresOnlyFromTheEngine() throws Exception {
        List<JsonNode> docs = Kustomize.render("cpu", scratch);
        JsonNode deny = find(docs, "NetworkPolicy", "default-deny-ingress");
        assertEquals(0, deny.path("spec").path("podSelector").size(), "selects every pod");
        assertEquals("[\"Ingress\"]", deny.path("spec").path("policyTypes").toString());
        assertFalse(deny.path("spec").has("ingress"), "allows nothing");
        JsonNode pg = find(docs, "NetworkPolicy", "postgres-from-engine");
        JsonNode from = pg.path("spec").path("ingress").get(0).path("from");
        assertEquals(1, from.size());
        assertEquals(
                "dltrigger-engine",
                from.get(0)
                        .path("podSelector")
                        .path("matchLabels")
                        .path("app.kubernetes.io/name")
                        .asText());
    }

    @Test
    void gpuExecutorsLandOnlyOnGpusTheCudaBuildSupports() throws Exception {
        JsonNode train = find(Kustomize.render("gpu", scratch), "SparkApplication", "dltrigger-train");
        JsonNode executor = train.path("spec").path("executor");
        assertEquals("nvidia.com/gpu", executor.path("gpu").path("name").asText());
        assertEquals(1, executor.path("gpu").path("quantity").asInt());
        assertTrue(train.path("spec").path("image").asText().endsWith("-cuda"), "the CUDA image");
        assertEquals("REQUIRE", last(train.path("spec").path("arguments")), "--gpu REQUIRE");
        assertEquals(
                "nvidia.com/gpu",
                executor.path("tolerations").get(0).path("key").asText());
        JsonNode terms = executor.path("affinity")
                .path("nodeAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution")
                .path("nodeSelectorTerms");
        // compute capability -> may the executor land there (K80 3.7 ... A10 8.6; not K40, Ada, Hopper)
        Map<String, Boolean> expected = Map.of(
                "3.5", false, "3.7", true, "5.2", true, "6.0", true, "7.0", true, "7.5", true, "8.0", true, "8.6", true,
                "8.9", false, "9.0", false);
        expected.forEach((cc, allowed) -> {
            String[] mm = cc.split("\\.");
            Map<String, String> labels =
                    Map.of("nvidia.com/gpu.compute.major", mm[0], "nvidia.com/gpu.compute.minor", mm[1]);
            assertEquals(allowed, NodeAffinity.matches(terms, labels), "compute capability " + cc);
        });
        JsonNode gang = train.path("spec").path("batchSchedulerOptions");
        assertEquals("volcano", train.path("spec").path("batchScheduler").asText());
        assertEquals("4", gang.path("resources").path("nvidia.com/gpu").asText(), "the gang asks for every GPU");
    }

    @Test
    void cpuOverlayAsksForNoGpu() throws Exception {
        List<JsonNode> docs = Kustomize.render("cpu", scratch);
        assertFalse(docs.toString().contains("nvidia.com/gpu"));
        assertEquals(
                "OFF",
                last(find(docs, "SparkApplication", "dltrigger-train")
                        .path("spec")
                        .path("arguments")));
    }

    @Test
    void ingestUpgradesThroughSavepointsAndTrainingIsGangScheduled() throws Exception {
        List<JsonNode> docs = Kustomize.render("cpu", scratch);
        JsonNode ingest = find(docs, "FlinkDeployment", "dltrigger-ingest");
        assertEquals(
                "savepoint", ingest.path("spec").path("job").path("upgradeMode").asText());
        assertTrue(ingest.path("spec")
                .path("flinkConfiguration")
                .path("execution.checkpointing.savepoint-dir")
                .asText()
                .startsWith("file:///data/"));
        JsonNode train = find(docs, "SparkApplication", "dltrigger-train");
        assertEquals("volcano", train.path("spec").path("batchScheduler").asText());
        String queue =
                train.path("spec").path("batchSchedulerOptions").path("queue").asText();
        JsonNode q = find(docs, "Queue", queue);
        assertTrue(q.path("metadata").path("namespace").isMissingNode(), "a Queue is cluster-scoped");
    }

    @Test
    void theValidatorsCatchWhatTheyClaimTo() throws Exception {
        // A typo in a custom resource's field is an unknown field, not silently pruned.
        JsonNode ingest = find(Kustomize.render("cpu", scratch), "FlinkDeployment", "dltrigger-ingest")
                .deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) ingest.path("spec").path("job")).put("upgradeMod", "x");
        List<String> errors =
                StructuralSchema.validateResource(ingest, crds.schema("flink.apache.org/v1beta1", "FlinkDeployment"));
        assertEquals(List.of("spec.job.upgradeMod: unknown field"), errors);
        // A typo in a built-in kind is found in fabric8's additionalProperties.
        Deployment d = (Deployment) StrictModels.parse(Yaml.documents("""
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: x}
                        spec:
                          template:
                            spec:
                              containers: [{name: c, image: i, resourcez: {}}]
                        """).get(0));
        assertEquals(List.of("spec.template.spec.containers[0].resourcez"), StrictModels.unknownFields(d));
        assertNotNull(d.getSpec());
    }

    private List<HasMetadata> typed(String overlay) throws Exception {
        List<HasMetadata> typed = new ArrayList<>();
        for (JsonNode doc : Kustomize.render(overlay, scratch.resolve("typed-" + overlay))) {
            if (crds.schema(doc.path("apiVersion").asText(), doc.path("kind").asText()) == null) {
                typed.add(StrictModels.parse(doc));
            }
        }
        return typed;
    }

    private static PodSpec podSpec(HasMetadata r) {
        if (r instanceof Deployment d) {
            return d.getSpec().getTemplate().getSpec();
        }
        if (r instanceof StatefulSet s) {
            return s.getSpec().getTemplate().getSpec();
        }
        return null;
    }

    private static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> d.path("kind").asText().equals(kind)
                        && d.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }

    private static String last(JsonNode array) {
        return array.get(array.size() - 1).asText();
    }
}
