package io.dltrigger.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.ArrayList;
import java.util.List;

/**
 * The scored table, written by the stream filter ({@code filter}) from the event table (README, "Data
 * contracts"): a Parquet dataset with the event table's partitions, {@code SCORED/sample=S/ingest_date=D/part-*.parquet},
 * one row per event of the event table. Each part file's footer lists, under {@link #LEDGER_KEY}, the event-table
 * chunks it scored ({@link IngestLedger.Entry}), and under {@link #MODELS_KEY} the model versions of its rows; the
 * folder {@link #ADOPTIONS_FOLDER} holds one {@link Adoption} per model the stream started using.
 */
public final class ScoredTableContract {
    public static final String SOURCE_FILE = EventTableContract.SOURCE_FILE;
    public static final String ENTRY = EventTableContract.ENTRY;
    /** string: the registry version of the model that scored the event. */
    public static final String MODEL_VERSION = "model_version";
    /** boolean: the event passed the trigger selection (one isolated lepton). */
    public static final String SELECTED = "selected";
    /** string: {@link Outcome#label()}, why an event is or is not selected. */
    public static final String OUTCOME = "outcome";
    /** boolean: selected, and the model's score for the kept classes is at least the model's threshold. */
    public static final String KEEP = "keep";

    /** Footer key: JSON list of the event-table chunks the part file scored. */
    public static final String LEDGER_KEY = "dltrigger.filter.ledger";
    /** Footer key: JSON list of the model versions of the part file's rows. */
    public static final String MODELS_KEY = "dltrigger.filter.models";
    /** Under the scored table: one JSON file per model adoption. */
    public static final String ADOPTIONS_FOLDER = "_models";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScoredTableContract() {}

    /** The columns in file order; the probabilities (float32) are null for an event that is not selected. */
    public static List<String> columns() {
        List<String> c = new ArrayList<>(List.of(SOURCE_FILE, ENTRY, MODEL_VERSION, SELECTED, OUTCOME));
        c.addAll(ScoresContract.probabilities());
        c.add(KEEP);
        return c;
    }

    /** What the trigger selection said about an event (the features stage's drop reasons). */
    public enum Outcome {
        /** One isolated electron or muon: features computed and scored. */
        SELECTED,
        /** The track, photon or neutral-hadron isolation map is empty. */
        EMPTY_MAP,
        /** No isolated lepton above the pT cut. */
        NO_LEPTON;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The stream started using {@code version} (of model kind {@code kind}) at a checkpoint boundary: every event
     * scored after checkpoint {@code checkpoint} of Flink job {@code jobId} (0: from the job's start) until the next
     * adoption was scored by it. {@code completedAt} is when that checkpoint completed (ISO-8601).
     */
    public record Adoption(
            String version, String kind, String jobId, long checkpoint, String previousVersion, String completedAt) {

        /** The adoption's file name under {@link #ADOPTIONS_FOLDER}: one per job, checkpoint and version. */
        public String fileName() {
            return version + "--" + jobId + "-" + checkpoint + ".json";
        }
    }

    public static String encode(Adoption a) {
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode an adoption record", e);
        }
    }

    public static Adoption decodeAdoption(String json) throws JsonProcessingException {
        return JSON.readValue(json, Adoption.class);
    }

    /** Encodes the footer's list of model versions. */
    public static String encodeModels(List<String> versions) {
        try {
            return JSON.writeValueAsString(versions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode model versions", e);
        }
    }
}
