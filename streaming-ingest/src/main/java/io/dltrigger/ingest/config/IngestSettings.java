package io.dltrigger.ingest.config;

import static io.dltrigger.ingest.config.SettingValues.codec;
import static io.dltrigger.ingest.config.SettingValues.duration;
import static io.dltrigger.ingest.config.SettingValues.withoutTrailingSlash;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.dltrigger.contract.EventTableContract;
import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.contract.config.ConfigFile;
import io.dltrigger.ingest.table.MemberColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configuration as written in {@code conf/ingest.yaml} (snake_case keys), with built-in defaults,
 * overridden by the command line, then turned into a validated {@link IngestConfig}.
 */
public final class IngestSettings {
    public List<String> input = new ArrayList<>();
    public String output;
    public String quarantine;

    public String checkpointDir;

    public boolean bounded;
    public String tree = "Delphes";
    /** Collection -> members, in column order; the members the trigger selection reads by default. */
    public Map<String, List<String>> collections = defaultCollections();

    public List<String> integerMembers = List.copyOf(new TreeSet<>(EventTableContract.INTEGER_MEMBERS));

    public long chunkEvents = 2_000;

    public int parallelism = 2;

    public String checkpointInterval = "10s";

    public String discoveryInterval = "5s";

    public String quietPeriod = "0s";

    public String storageRetryTimeout = "10min";

    public String samplePattern = "^([A-Za-z0-9]+)_";

    public String sample;
    public String compression = "zstd";
    /** A retained checkpoint or savepoint to resume from: command line only. */
    @JsonIgnore
    public String restoreFrom;

    private static Map<String, List<String>> defaultCollections() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("Electron", List.of("PT", "Eta", "Phi", "Charge"));
        c.put("MuonTight", List.of("PT", "Eta", "Phi", "Charge"));
        c.put("Jet", List.of("PT", "Eta", "Phi", "BTag"));
        c.put("MissingET", List.of("MET", "Phi"));
        c.put("EFlowTrack", List.of("PT", "Eta", "Phi", "PID", "X", "Y", "Z"));
        c.put("EFlowPhoton", List.of("ET", "Eta", "Phi"));
        c.put("EFlowNeutralHadron", List.of("ET", "Eta", "Phi"));
        return c;
    }

    /** Reads a YAML file over the defaults; unknown keys and bad values fail naming the file and line. */
    public static IngestSettings load(Path file) {
        IngestSettings defaults = new IngestSettings();
        return file == null ? defaults : ConfigFile.load(file, IngestSettings.class, defaults, Set.of("collections"));
    }

    public IngestConfig toConfig() {
        String out = output == null ? null : withoutTrailingSlash(output);
        return new IngestConfig(
                input,
                out,
                quarantine != null ? quarantine : out == null ? null : out + "/_quarantine",
                checkpointDir != null ? checkpointDir : out == null ? null : out + "/_checkpoints",
                Optional.ofNullable(restoreFrom),
                bounded,
                tree,
                columns(),
                chunkEvents,
                parallelism,
                duration("checkpoint_interval", checkpointInterval),
                duration("discovery_interval", discoveryInterval),
                duration("quiet_period", quietPeriod),
                duration("storage_retry_timeout", storageRetryTimeout),
                samplePattern,
                Optional.ofNullable(sample),
                codec("compression", compression));
    }

    private List<MemberColumn> columns() {
        if (collections == null || collections.isEmpty()) {
            throw new ConfigException("collections: at least one collection with members is required");
        }
        List<MemberColumn> columns = new ArrayList<>();
        collections.forEach((collection, members) -> {
            if (members == null || members.isEmpty()) {
                throw new ConfigException("collections: " + collection + " lists no members");
            }
            for (String m : members) {
                try {
                    columns.add(new MemberColumn(collection, m, integerMembers.contains(m)));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("collections: " + e.getMessage(), e);
                }
            }
        });
        return columns;
    }
}
