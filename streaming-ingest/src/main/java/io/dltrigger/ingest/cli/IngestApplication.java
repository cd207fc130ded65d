package io.dltrigger.ingest.cli;

/**
 * Entry point of the ingest job in Flink's application mode (the FlinkDeployments' {@code entryClass}, k8s/ and
 * conf/k8s/): the commands of {@link IngestCli}, whose {@code main} runs inside the JobManager there. {@code
 * System.exit} would end the JobManager itself before Flink records the job's result (with Kubernetes HA, a
 * JobManager that dies before that runs a finished job again), so a failure is thrown instead: Flink then marks the
 * application failed, and the operator reports it.
 */
public final class IngestApplication {
    private IngestApplication() {}

    public static void main(String[] args) {
        int code = IngestCli.commandLine().execute(args);
        if (code != 0) {
            throw new IllegalStateException("the ingest command ended with exit code " + code + " (its log says why)");
        }
    }
}
