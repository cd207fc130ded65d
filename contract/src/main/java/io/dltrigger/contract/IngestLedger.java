package io.dltrigger.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.List;

/**
 * What the ingest committed to the event table, kept with the data: every part file's Parquet footer holds,
 * under {@link #FOOTER_KEY}, a JSON list of {@link Entry} - the ROOT file (by identity: path, size,
 * modification time, UUID) and the entry range of each chunk the part file holds. A part file and its
 * ledger entries become visible together (one rename), so the union of the committed part files' footers is
 * exactly what the table holds; {@code ingest} reads it to skip what was committed, whatever its checkpoint
 * says, and a reader can count events per source file from footers alone.
 *
 * <p>The dead-letter table ({@code TABLE/_quarantine/ingest_date=D/quarantine-*.jsonl}) is the other half:
 * one {@link DeadLetter} per JSON line.
 */
public final class IngestLedger {
    /** Key of the ledger in a part file's footer key-value metadata. */
    public static final String FOOTER_KEY = "dltrigger.ingest.ledger";
    /** The dead-letter table's folder under the event table (unless configured elsewhere). */
    public static final String QUARANTINE_FOLDER = "_quarantine";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private IngestLedger() {}

    /**
     * One chunk in a part file: entries {@code [entryStart, entryStop)} of the tree of {@code sourceFile}, as
     * it was when planned ({@code fileSize} bytes, modified at {@code fileModified} ms since the epoch,
     * ROOT UUID {@code fileUuid}, empty if unknown).
     */
    public record Entry(
            String sourceFile, long fileSize, long fileModified, String fileUuid, long entryStart, long entryStop) {}

    /** Why a file or chunk is not in the table. */
    public enum Kind {
        /** Its bytes are not a readable ROOT file with the configured tree and branches (or no sample name). */
        CORRUPT,
        /** A new version of a file whose earlier version already has rows in the table ({@code reingest}). */
        CHANGED,
        /** The file changed between planning and reading; the new version was planned again. */
        SUPERSEDED,
        /** Storage failed (vanished, unreachable, refused) for longer than the retry timeout. */
        UNAVAILABLE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One line of the dead-letter table. A whole file has {@code entryStart = entryStop = 0}. Only
     * {@link Kind#CORRUPT} and {@link Kind#CHANGED} records settle a file version: {@code ingest} does not
     * try that version again; the others are retried when the file is seen again.
     */
    public record DeadLetter(
            String sourceFile,
            String sample,
            String tree,
            long entryStart,
            long entryStop,
            String ingestDate,
            String kind,
            String reason,
            long fileSize,
            long fileModified,
            String fileUuid) {}

    public static String encode(List<Entry> entries) {
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode ledger entries", e);
        }
    }

    public static List<Entry> decode(String json) throws JsonProcessingException {
        return JSON.readValue(json, new TypeReference<List<Entry>>() {});
    }

    public static String encode(DeadLetter record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a dead-letter record", e);
        }
    }

    public static DeadLetter decodeDeadLetter(String line) throws JsonProcessingException {
        return JSON.readValue(line, DeadLetter.class);
    }
}
