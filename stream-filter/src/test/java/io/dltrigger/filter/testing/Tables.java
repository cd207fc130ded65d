package io.dltrigger.filter.testing;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.EventTableContract;
import io.dltrigger.contract.ScoredTableContract;
import io.dltrigger.contract.ScoresContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tables the filter reads and writes, and the batch score's output, as the tests compare them. */
public final class Tables {
    private Tables() {}

    /** An event: where it came from. */
    public record Key(String sourceFile, long entry) {}

    /** A row of the scored table; {@code p} in label order, null entries when not selected. */
    public record ScoredRow(
            Key key, String modelVersion, boolean selected, String outcome, Float[] p, boolean keep, Path file) {}

    public static List<Key> eventKeys(Path eventTable) throws IOException {
        List<Key> keys = new ArrayList<>();
        for (Path part : ParquetRows.partFiles(eventTable)) {
            ParquetRows.read(
                    part,
                    List.of(EventTableContract.SOURCE_FILE, EventTableContract.ENTRY),
                    g -> keys.add(new Key(
                            g.getString(EventTableContract.SOURCE_FILE, 0), g.getLong(EventTableContract.ENTRY, 0))));
        }
        return keys;
    }

    public static List<ScoredRow> scored(Path scoredTable) throws IOException {
        List<ScoredRow> rows = new ArrayList<>();
        for (Path part : ParquetRows.partFiles(scoredTable)) {
            ParquetRows.read(part, ScoredTableContract.columns(), g -> {
                Float[] p = new Float[EventClass.COUNT];
                for (EventClass c : EventClass.values()) {
                    p[c.label()] = ParquetRows.floatOrNull(g, ScoresContract.probability(c));
                }
                rows.add(new ScoredRow(
                        new Key(
                                g.getString(ScoredTableContract.SOURCE_FILE, 0),
                                g.getLong(ScoredTableContract.ENTRY, 0)),
                        g.getString(ScoredTableContract.MODEL_VERSION, 0),
                        g.getBoolean(ScoredTableContract.SELECTED, 0),
                        g.getString(ScoredTableContract.OUTCOME, 0),
                        p,
                        g.getBoolean(ScoredTableContract.KEEP, 0),
                        part));
            });
        }
        return rows;
    }

    /** The scored table's row count, or -1 while a part file is being renamed under the reader. */
    public static long scoredCount(Path scoredTable) {
        try {
            return scored(scoredTable).size();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The batch {@code score} command's outputs: each event's class probabilities, in label order. */
    public static Map<Key, float[]> batchScores(Path... outputs) throws IOException {
        Map<Key, float[]> scores = new HashMap<>();
        List<String> columns = new ArrayList<>(List.of(ScoresContract.SOURCE_FILE, ScoresContract.ENTRY));
        columns.addAll(ScoresContract.probabilities());
        for (Path out : outputs) {
            for (Path part : ParquetRows.partFiles(out)) {
                ParquetRows.read(part, columns, g -> {
                    float[] p = new float[EventClass.COUNT];
                    for (EventClass c : EventClass.values()) {
                        p[c.label()] = g.getFloat(ScoresContract.probability(c), 0);
                    }
                    Key k = new Key(g.getString(ScoresContract.SOURCE_FILE, 0), g.getLong(ScoresContract.ENTRY, 0));
                    if (scores.put(k, p) != null) {
                        throw new IllegalStateException("the batch scores hold " + k + " twice");
                    }
                });
            }
        }
        return scores;
    }

    /** The keys held more than once. */
    public static Set<Key> duplicates(Collection<Key> keys) {
        Set<Key> seen = new HashSet<>();
        Set<Key> twice = new HashSet<>();
        for (Key k : keys) {
            if (!seen.add(k)) {
                twice.add(k);
            }
        }
        return twice;
    }

    /**
     * An order-free checksum of (source_file, entry) pairs: the sum of a 64-bit mix of each, so that a missing, an
     * extra or a doubled event changes it.
     */
    public static long checksum(Collection<Key> keys) {
        long sum = 0;
        for (Key k : keys) {
            long h = k.sourceFile().hashCode() * 0x9E3779B97F4A7C15L + k.entry();
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            h ^= h >>> 33;
            sum += h;
        }
        return sum;
    }
}
