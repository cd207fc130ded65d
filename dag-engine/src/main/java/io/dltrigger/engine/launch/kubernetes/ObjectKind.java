package io.dltrigger.engine.launch.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds a kubernetes task creates, with how each says it is done (read from the operators' CRD schemas kept in
 * k8s/crds/) and where its main pod's log is.
 */
public enum ObjectKind {
    /** A batch Job: its {@code Complete} or {@code Failed} condition. */
    JOB("batch", "v1", "Job", "jobs", "/spec/template/spec/containers/0", "args", "/spec/template/spec/containers/0") {
        @Override
        public Status status(JsonNode o) {
            for (JsonNode c : o.path("status").path("conditions")) {
                if (!c.path("status").asText().equals("True")) {
                    continue;
                }
                String type = c.path("type").asText();
                if (type.equals("Complete")) {
                    return Status.SUCCEEDED;
                }
                if (type.equals("Failed")) {
                    return Status.failed(c.path("reason").asText("") + ": "
                            + c.path("message").asText(""));
                }
            }
            return Status.PENDING;
        }

        @Override
        public LogPods logPods(String name, JsonNode o) {
            return new LogPods.Labelled(Map.of("job-name", name));
        }
    },

    /** The Spark operator's application: {@code .status.applicationState.state}. */
    SPARK_APPLICATION(
            "sparkoperator.k8s.io",
            "v1beta2",
            "SparkApplication",
            "sparkapplications",
            "/spec",
            "arguments",
            "/spec/driver") {
        @Override
        public Status status(JsonNode o) {
            JsonNode app = o.path("status").path("applicationState");
            return switch (app.path("state").asText("")) {
                case "COMPLETED" -> Status.SUCCEEDED;
                case "FAILED", "SUBMISSION_FAILED" ->
                    Status.failed(app.path("state").asText() + ": "
                            + app.path("errorMessage").asText(""));
                default -> Status.PENDING; // new, SUBMITTED, RUNNING, PENDING_RERUN, FAILING (may be rerun)...
            };
        }

        @Override
        public LogPods logPods(String name, JsonNode o) {
            String driver = o.path("status").path("driverInfo").path("podName").asText("");
            return new LogPods.Named(driver.isEmpty() ? name + "-driver" : driver);
        }
    },

    /**
     * The Flink operator's deployment, a streaming job: {@code .status.jobStatus.state} RUNNING is "running"
     * (success once it lasts), FINISHED a bounded job's success; a FAILED lifecycle or job, or a JobManager
     * deployment in ERROR, is a failure.
     */
    FLINK_DEPLOYMENT("flink.apache.org", "v1beta1", "FlinkDeployment", "flinkdeployments", "/spec/job", "args", null) {
        @Override
        public Status status(JsonNode o) {
            JsonNode st = o.path("status");
            String job = st.path("jobStatus").path("state").asText("");
            String error = st.path("error").asText("");
            if (st.path("lifecycleState").asText("").equals("FAILED")
                    || st.path("jobManagerDeploymentStatus").asText("").equals("ERROR")
                    || job.equals("FAILED")
                    || job.equals("CANCELED")) {
                return Status.failed(
                        "job " + (job.isEmpty() ? "not running" : job) + (error.isEmpty() ? "" : ": " + error));
            }
            return switch (job) {
                case "RUNNING" -> Status.RUNNING;
                case "FINISHED" -> Status.SUCCEEDED;
                default -> Status.PENDING;
            };
        }

        @Override
        public LogPods logPods(String name, JsonNode o) {
            return new LogPods.Labelled(Map.of("app", name, "component", "jobmanager"));
        }
    };

    private final String group;
    private final String version;
    private final String kind;
    private final String plural;
    private final String argsParent;
    private final String argsField;
    private final String mainContainer;

    ObjectKind(
            String group,
            String version,
            String kind,
            String plural,
            String argsParent,
            String argsField,
            String mainContainer) {
        this.group = group;
        this.version = version;
        this.kind = kind;
        this.plural = plural;
        this.argsParent = argsParent;
        this.argsField = argsField;
        this.mainContainer = mainContainer;
    }

    /**
     * Adds an environment variable to the main container (a Job's first container, the Spark driver); refused for
     * a FlinkDeployment, whose JobManager container the operator makes.
     */
    public void addEnv(ObjectNode manifest, String name, String value) {
        JsonNode c = mainContainer == null ? null : manifest.at(mainContainer);
        if (!(c instanceof ObjectNode o)) {
            throw new IllegalArgumentException("a " + kind + " task cannot have an output"
                    + (mainContainer == null ? "" : " (its manifest has no " + mainContainer + ")"));
        }
        JsonNode env = o.path("env");
        ArrayNode list = env.isArray() ? (ArrayNode) env : o.putArray("env");
        list.addObject().put("name", name).put("value", value);
    }

    /** Puts the program's arguments where this kind holds them (replacing the manifest's); refuses if it can't. */
    public void setArgs(ObjectNode manifest, List<String> args) {
        JsonNode parent = manifest.at(argsParent);
        if (!(parent instanceof ObjectNode o)) {
            throw new IllegalArgumentException(
                    kind + " manifest has no " + argsParent.replace('/', '.').substring(1) + " for the task's args");
        }
        ArrayNode a = o.putArray(argsField);
        args.forEach(a::add);
    }

    /** Where the object stands, from its status. */
    public abstract Status status(JsonNode object);

    /** The pods whose log is the task's log: the Job's pods, the Spark driver, the Flink JobManager. */
    public abstract LogPods logPods(String name, JsonNode object);

    public String kind() {
        return kind;
    }

    public String apiVersion() {
        return group + "/" + version;
    }

    /** A streaming job: supervised once it has run for running_after. */
    public boolean streaming() {
        return this == FLINK_DEPLOYMENT;
    }

    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }

    /** The kind of a manifest's {@code apiVersion} and {@code kind}. */
    public static Optional<ObjectKind> of(String apiVersion, String kind) {
        return Arrays.stream(values())
                .filter(k -> k.apiVersion().equals(apiVersion) && k.kind.equals(kind))
                .findFirst();
    }

    /** "batch/v1 Job, ..." for error messages. */
    public static String supported() {
        List<String> all = new ArrayList<>();
        for (ObjectKind k : values()) {
            all.add(k.apiVersion() + " " + k.kind);
        }
        return String.join(", ", all);
    }

    /** Where an object stands. */
    public record Status(Phase phase, String message) {
        static final Status PENDING = new Status(Phase.PENDING, null);
        static final Status RUNNING = new Status(Phase.RUNNING, null);
        static final Status SUCCEEDED = new Status(Phase.SUCCEEDED, null);

        static Status failed(String message) {
            return new Status(Phase.FAILED, message);
        }
    }

    /** PENDING: not done (submitted, starting, batch work running); RUNNING: a streaming job runs. */
    public enum Phase {
        PENDING,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /** How to find the pods whose log the task log follows. */
    public sealed interface LogPods {
        record Labelled(Map<String, String> labels) implements LogPods {}

        record Named(String name) implements LogPods {}
    }
}
