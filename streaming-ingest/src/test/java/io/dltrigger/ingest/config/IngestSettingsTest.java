package io.dltrigger.ingest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.ingest.table.MemberColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestSettingsTest {
    @TempDir
    Path dir;

    private static IngestSettings minimal() {
        IngestSettings s = new IngestSettings();
        s.input = List.of("/in");
        s.output = "/out/";
        return s;
    }

    @Test
    void defaultsGiveTheContractColumnsAndDerivedPaths() {
        IngestConfig c = minimal().toConfig();
        assertEquals("/out", c.output());
        assertEquals("/out/_quarantine", c.quarantine());
        assertEquals("/out/_checkpoints", c.checkpointDir());
        assertEquals(27, c.columns().size());
        assertEquals(new MemberColumn("Jet", "BTag", true), c.columns().get(11));
        assertEquals("Jet_BTag", c.columns().get(11).column());
        assertFalse(c.columns().get(0).integer());
        assertEquals(CompressionCodecName.ZSTD, c.compression());
        assertFalse(c.bounded());
    }

    @Test
    void yamlFileOverridesDefaultsAndCollectionsReplaceTheDefaultList() throws IOException {
        Path f = dir.resolve("ingest.yaml");
        Files.writeString(f, """
                output: /tables/events
                bounded: true
                collections:
                  Particle: [PT, PID]
                checkpoint_interval: 500ms
                compression: snappy
                """);
        IngestSettings s = IngestSettings.load(f);
        s.input = List.of("/in");
        IngestConfig c = s.toConfig();
        assertTrue(c.bounded());
        assertEquals(List.of("Particle.PT", "Particle.PID"), c.tableSchema().branches());
        assertTrue(c.columns().get(1).integer());
        assertEquals(Duration.ofMillis(500), c.checkpointInterval());
        assertEquals(CompressionCodecName.SNAPPY, c.compression());
    }

    @Test
    void theShippedConfigurationLoadsWithItsDefaults() {
        IngestSettings s = IngestSettings.load(io.dltrigger.testing.TestData.home()
                .resolve("../conf/ingest.yaml")
                .normalize());
        s.input = List.of("/in");
        s.output = "/out";
        IngestConfig c = s.toConfig();
        assertEquals(Duration.ofMinutes(10), c.storageRetryTimeout());
        assertEquals(Duration.ZERO, c.quietPeriod());
        assertEquals(minimal().toConfig().columns(), c.columns());
    }

    @Test
    void unknownKeyNamesFileAndLine() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "output: /x\nchunk_event: 5\n");
        ConfigException e = assertThrows(ConfigException.class, () -> IngestSettings.load(f));
        assertTrue(e.getMessage().contains("bad.yaml line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("'chunk_event'"), e.getMessage());
    }

    @Test
    void anOldKebabCaseKeyNamesItsNewName() throws IOException {
        Path f = dir.resolve("old.yaml");
        Files.writeString(f, "output: /x\nchunk-events: 5\n");
        ConfigException e = assertThrows(ConfigException.class, () -> IngestSettings.load(f));
        assertTrue(
                e.getMessage().contains("old.yaml line 2: key 'chunk-events' is now 'chunk_events'"), e.getMessage());
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertBad(s -> s.chunkEvents = 0, "chunk_events");
        assertBad(s -> s.parallelism = -1, "parallelism");
        assertBad(s -> s.checkpointInterval = "soon", "checkpoint_interval");
        assertBad(s -> s.discoveryInterval = "0s", "discovery_interval");
        assertBad(s -> s.storageRetryTimeout = "0s", "storage_retry_timeout");
        assertBad(s -> s.quietPeriod = "-1s", "quiet_period");
        assertBad(s -> s.samplePattern = "([a-z]+", "sample_pattern");
        assertBad(s -> s.samplePattern = "^[a-z]+_", "sample_pattern");
        assertBad(s -> s.sample = "tt/bar", "sample");
        assertBad(s -> s.compression = "brotli2", "compression");
        assertBad(s -> s.collections = java.util.Map.of("Jet", List.of("P.T")), "collections");
        assertBad(s -> s.input = List.of(), "input");
        assertBad(s -> s.output = null, "output");
    }

    private static void assertBad(Consumer<IngestSettings> change, String key) {
        IngestSettings s = minimal();
        change.accept(s);
        ConfigException e = assertThrows(ConfigException.class, s::toConfig);
        assertTrue(e.getMessage().startsWith(key + ":"), e.getMessage());
    }
}
