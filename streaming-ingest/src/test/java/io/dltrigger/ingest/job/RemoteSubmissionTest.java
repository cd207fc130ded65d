package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dltrigger.contract.config.ConfigException;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteSubmissionTest {
    @Test
    void targetIsHostAndPort() {
        assertEquals(new RemoteSubmission.Target("127.0.0.1", 8081), RemoteSubmission.Target.parse("127.0.0.1:8081"));
        assertEquals(
                "jm.example:443",
                RemoteSubmission.Target.parse("jm.example:443").toString());
        for (String bad : List.of("127.0.0.1", ":8081", "host:", "host:http", "host:0", "host:70000")) {
            assertThrows(ConfigException.class, () -> RemoteSubmission.Target.parse(bad), bad);
        }
    }

    @Test
    void theJobShipsItsOwnJarsNotFlinksNorTheLoggingBackend() {
        String cp = String.join(
                File.pathSeparator,
                "/s/target/streaming-ingest-0.1.0.jar",
                "/s/target/classes",
                "/s/lib/arrow-bridge-0.1.0.jar",
                "/s/lib/flink-runtime-2.3.0.jar",
                "/s/lib/flink-connector-files-2.3.0.jar",
                "/s/lib/parquet-hadoop-1.15.2.jar",
                "/s/lib/log4j-core-2.24.3.jar",
                "/s/lib/slf4j-api-2.0.7.jar");
        assertEquals(
                List.of(
                        "/s/target/streaming-ingest-0.1.0.jar",
                        "/s/lib/arrow-bridge-0.1.0.jar",
                        "/s/lib/parquet-hadoop-1.15.2.jar"),
                RemoteSubmission.shippedJars(cp));
    }
}
