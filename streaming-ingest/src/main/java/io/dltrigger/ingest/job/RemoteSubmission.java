package io.dltrigger.ingest.job;

import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.ingest.config.IngestConfig;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Submission of the ingest job to a running Flink cluster over its REST endpoint ({@code --flink-target
 * host:port}), instead of a local MiniCluster. The job ships its own code: this stage's jar and every library
 * on its class path that a Flink distribution does not already hold (all but the {@code flink-*} jars and
 * the logging jars), the same set a user puts in {@code usrlib/} or passes to {@code flink run -C}.
 */
public final class RemoteSubmission {
    private RemoteSubmission() {}

    /** {@code host:port} of a JobManager's REST endpoint. */
    public record Target(String host, int port) {
        public static Target parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new ConfigException("--flink-target: expected HOST:PORT, got '" + text + "'");
            }
            int port;
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ConfigException("--flink-target: bad port in '" + text + "'");
            }
            if (port < 1 || port > 65535) {
                throw new ConfigException("--flink-target: port out of range in '" + text + "'");
            }
            return new Target(text.substring(0, colon), port);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /**
     * A remote environment for the job. Client settings (e.g. TLS for the REST endpoint) come from the Flink
     * configuration in {@code $FLINK_CONF_DIR}, when set, as for {@code flink run}; the job's own settings
     * (checkpoints, parallelism, restore point) override them.
     */
    public static StreamExecutionEnvironment environment(Target target, IngestConfig config) {
        Configuration conf = new Configuration();
        String confDir = System.getenv("FLINK_CONF_DIR");
        if (confDir != null && !confDir.isBlank()) {
            conf.addAll(GlobalConfiguration.loadConfiguration(confDir));
        }
        conf.addAll(IngestJob.flinkConfiguration(config));
        List<String> jars = shippedJars(System.getProperty("java.class.path"));
        if (jars.isEmpty()) {
            throw new ConfigException("--flink-target: no job jar on the class path (run through bin/dltrigger)");
        }
        return StreamExecutionEnvironment.createRemoteEnvironment(
                target.host(), target.port(), conf, jars.toArray(String[]::new));
    }

    /** The jars of a class path that the job must bring to a cluster: not Flink's, not the logging backend's. */
    static List<String> shippedJars(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(p -> p.endsWith(".jar"))
                .filter(p -> {
                    String name = new File(p).getName();
                    return !name.startsWith("flink-") && !name.startsWith("log4j-") && !name.startsWith("slf4j-");
                })
                .toList();
    }
}
