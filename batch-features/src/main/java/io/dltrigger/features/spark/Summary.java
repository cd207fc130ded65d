package io.dltrigger.features.spark;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dltrigger.features.config.FeaturesConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** {@code summary.json}: what the job read, selected, kept and wrote, per class, and what it was told. */
public record Summary(
        @JsonProperty("events_read") long eventsRead,
        @JsonProperty("events_selected") long eventsSelected,
        @JsonProperty("dropped_empty_map") long droppedEmptyMap,
        @JsonProperty("dropped_no_lepton") long droppedNoLepton,
        @JsonProperty("classes") Map<Integer, PerClass> classes,
        @JsonProperty("train_events") long trainEvents,
        @JsonProperty("test_events") long testEvents,
        @JsonProperty("scaler_fitted") boolean scalerFitted,
        @JsonProperty("seconds_extract") double secondsExtract,
        @JsonProperty("seconds_total") double secondsTotal,
        @JsonProperty("config") FeaturesConfig config) {

    /** One class: its sample, events read and selected, efficiency, kept after balancing, split sizes. */
    public record PerClass(
            @JsonProperty("sample") String sample,
            @JsonProperty("read") long read,
            @JsonProperty("selected") long selected,
            @JsonProperty("efficiency") double efficiency,
            @JsonProperty("balanced") long balanced,
            @JsonProperty("train") long train,
            @JsonProperty("test") long test) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(FileSystem fs, Path file) throws IOException {
        try (OutputStream out = fs.create(file, false)) {
            JSON.writeValue(out, this);
        }
    }
}
