package io.dltrigger.engine.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a task does: one record per task type. Strings may hold {@code {{ templates }}}. */
public sealed interface TaskAction {

    /** The name used in DAG files. */
    String typeName();

    /** Every string that is rendered at run time, for validating template references up front. */
    List<String> templated();

    /**
     * A command run by {@code bash -c}. The command is fixed shell text: values reach it through the
     * environment ({@code env}, whose values may be templates, and the {@code DLTRIGGER_*} variables), never
     * spliced into it (see {@link TemplateSafety}).
     */
    record Shell(String command, Map<String, String> env) implements TaskAction {
        public String typeName() {
            return "shell";
        }

        public List<String> templated() {
            return concat(List.of(command), env.values());
        }
    }

    /**
     * A branch (Airflow's BranchOperator): a command run as {@link Shell} that writes, as its output, the
     * directly downstream tasks to run ({@code ["a", "b"]}, {@code "a"} or {@code {"follow": [...]}}); the
     * other directly downstream tasks are skipped.
     */
    record Branch(String command, Map<String, String> env) implements TaskAction {
        public String typeName() {
            return "branch";
        }

        public List<String> templated() {
            return concat(List.of(command), env.values());
        }
    }

    /** A stage module's main class in a child JVM with the module's classpath and JVM flags. */
    record Java(String module, String mainClass, List<String> args, List<String> jvmOpts, Map<String, String> env)
            implements TaskAction {
        public String typeName() {
            return "java";
        }

        public List<String> templated() {
            return concat(args, jvmOpts, env.values());
        }
    }

    /**
     * A Spark application from a stage module. Client mode runs the driver as a child JVM with the
     * {@code spark.*} settings as system properties (what spark-submit does); cluster mode calls
     * {@code $SPARK_HOME/bin/spark-submit}.
     */
    record Spark(
            String module,
            String mainClass,
            List<String> args,
            String master,
            String deployMode,
            Map<String, String> conf,
            String driverMemory,
            Map<String, String> env)
            implements TaskAction {
        public String typeName() {
            return "spark";
        }

        public List<String> templated() {
            return concat(List.of(master), args, conf.values(), env.values());
        }
    }

    /**
     * A Flink job from a stage module: {@code local} runs it in a child JVM (Flink's local environment),
     * {@code host:port} submits it with {@code $FLINK_HOME/bin/flink run -m}. With {@code streaming} set,
     * the job is long-running and supervised (see {@link Streaming}).
     */
    record Flink(
            String module,
            String mainClass,
            List<String> args,
            String target,
            int parallelism,
            Map<String, String> env,
            Streaming streaming)
            implements TaskAction {
        public String typeName() {
            return "flink";
        }

        public List<String> templated() {
            return streaming == null || streaming.checkpointDir() == null
                    ? concat(List.of(target), args, env.values())
                    : concat(List.of(target), args, env.values(), List.of(streaming.checkpointDir()));
        }
    }

    /**
     * Supervision of a long-running streaming job: once it has run for {@code runningAfter} the task
     * succeeds ("running is success") and the engine keeps watching the process; when it dies it is
     * started again, up to {@code maxRestarts} times, with {@code restoreArg} and the newest retained
     * checkpoint ({@code chk-N} with a {@code _metadata} file) under {@code checkpointDir} appended.
     */
    record Streaming(Duration runningAfter, String checkpointDir, String restoreArg, int maxRestarts) {}

    /**
     * A Kubernetes object created from a manifest file (a Job, a Spark operator {@code SparkApplication} or a Flink
     * operator {@code FlinkDeployment}), named for its try, watched to success or failure; a FlinkDeployment is a
     * streaming job, supervised once it has run for {@code runningAfter} (see {@code launch/KubernetesLauncher}).
     *
     * @param manifest the manifest's path, relative to the project home; its string values may hold templates
     * @param args when not empty, the program's arguments in the object (a Job's first container's {@code args}, a
     *     SparkApplication's {@code arguments}, a FlinkDeployment's {@code job.args}), replacing the manifest's
     * @param output null, or a path the engine and the pod both see (a shared volume): the pod's main container (a
     *     Job's first, a Spark driver) gets it as {@code $DLTRIGGER_OUTPUT}, and what it writes there is the task's
     *     output, as for a process task
     * @param namespace where the object goes (null: the manifest's, else the client's: in a pod, its own)
     * @param pollInterval how often the object's status is read besides what its watch reports
     */
    record Kubernetes(
            String manifest,
            List<String> args,
            String output,
            String namespace,
            Duration pollInterval,
            Duration runningAfter,
            int maxRestarts)
            implements TaskAction {
        public String typeName() {
            return "kubernetes";
        }

        public List<String> templated() {
            List<String> optional = new java.util.ArrayList<>();
            if (output != null) {
                optional.add(output);
            }
            if (namespace != null) {
                optional.add(namespace);
            }
            return concat(List.of(manifest), args, optional);
        }
    }

    /**
     * Waits, without holding a worker slot, until a file exists (a glob) or an upstream output holds a
     * value. Pokes every {@code pokeInterval}; the task's {@code timeout} bounds the wait.
     */
    record Sensor(String file, String outputTask, String outputPath, String equals, Duration pokeInterval)
            implements TaskAction {
        public String typeName() {
            return "sensor";
        }

        public List<String> templated() {
            return file == null ? List.of() : List.of(file);
        }
    }

    /** Does nothing (Airflow's EmptyOperator): joins, placeholders, scheduling benchmarks. */
    record Noop() implements TaskAction {
        public String typeName() {
            return "noop";
        }

        public List<String> templated() {
            return List.of();
        }
    }

    /** Java code run in the engine's JVM (Java API only). */
    record InProcess(TaskFunction function) implements TaskAction {
        public String typeName() {
            return "in_process";
        }

        public List<String> templated() {
            return List.of();
        }
    }

    @SafeVarargs
    private static List<String> concat(java.util.Collection<String>... parts) {
        return java.util.Arrays.stream(parts)
                .flatMap(java.util.Collection::stream)
                .toList();
    }
}
