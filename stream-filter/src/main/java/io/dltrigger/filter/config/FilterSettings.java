package io.dltrigger.filter.config;

import static io.dltrigger.ingest.config.SettingValues.codec;
import static io.dltrigger.ingest.config.SettingValues.duration;
import static io.dltrigger.ingest.config.SettingValues.withoutTrailingSlash;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.contract.config.ConfigFile;
import io.dltrigger.ingest.config.SettingValues;
import io.dltrigger.training.model.ModelKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The configuration as written in {@code conf/filter.yaml} (snake_case keys), with built-in defaults, overridden by
 * the command line, then turned into a validated {@link FilterConfig}.
 */
public final class FilterSettings {
    public List<String> input = new ArrayList<>();
    public String output;
    public String registry;
    public String model = "HLF";
    public String checkpointDir;
    public boolean bounded;
    public int parallelism = 2;
    public String checkpointInterval = "10s";
    public String discoveryInterval = "5s";
    public String modelPollInterval = "5s";
    public int batchSize = 512;
    public String compression = "zstd";
    /** A retained checkpoint or savepoint to resume from: command line only. */
    @JsonIgnore
    public String restoreFrom;

    /** Reads a YAML file over the defaults; unknown keys and bad values fail naming the file and line. */
    public static FilterSettings load(Path file) {
        FilterSettings defaults = new FilterSettings();
        return file == null ? defaults : ConfigFile.load(file, FilterSettings.class, defaults, Set.of());
    }

    public FilterConfig toConfig() {
        String out = output == null ? null : withoutTrailingSlash(output);
        return new FilterConfig(
                input.stream().map(SettingValues::withoutTrailingSlash).toList(),
                out,
                registry,
                kind(),
                checkpointDir != null ? checkpointDir : out == null ? null : out + "/_checkpoints",
                restoreFrom,
                bounded,
                parallelism,
                duration("checkpoint_interval", checkpointInterval),
                duration("discovery_interval", discoveryInterval),
                duration("model_poll_interval", modelPollInterval),
                batchSize,
                codec("compression", compression));
    }

    private ModelKind kind() {
        try {
            return ModelKind.valueOf(model.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException("model: '" + model + "' is not one of HLF, SEQUENCE, INCLUSIVE", e);
        }
    }
}
