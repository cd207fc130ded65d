package io.dltrigger.ingest.testing;

import io.dltrigger.testing.PartFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The committed event table as a reader outside the project sees it (parquet-avro, not our Arrow
 * reader): only visible {@code part-*.parquet} files, the partition values taken from the path.
 */
public final class TableRows {
    /** One event's provenance and partition. */
    public record Key(String sample, String date, String sourceFile, long entry) {}

    private final List<Key> keys = new ArrayList<>();
    private final Map<String, Map<String, Checksum>> checksumsBySample = new HashMap<>();
    private final Map<String, Map<String, Checksum>> checksumsByFile = new HashMap<>();
    private final Set<String> columns = new HashSet<>();
    private final Map<String, Double> valueSums = new HashMap<>();

    private TableRows() {}

    public static TableRows read(Path table) throws IOException {
        TableRows t = new TableRows();
        List<Path> parts = PartFiles.of(table);
        Configuration conf = new Configuration();
        conf.setBoolean("parquet.avro.add-list-element-records", false);
        conf.setBoolean("parquet.avro.readInt96AsFixed", true);
        for (Path p : parts) {
            String sample = partition(p, "sample=");
            String date = partition(p, "ingest_date=");
            try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(
                            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(p.toUri()), conf))
                    .withConf(conf)
                    .build()) {
                for (GenericRecord rec; (rec = r.read()) != null; ) {
                    t.keys.add(new Key(sample, date, rec.get("source_file").toString(), (Long) rec.get("entry")));
                    Map<String, Checksum> sums = t.checksumsBySample.computeIfAbsent(sample, k -> new HashMap<>());
                    Map<String, Checksum> fileSums = t.checksumsByFile.computeIfAbsent(
                            rec.get("source_file").toString(), k -> new HashMap<>());
                    for (Schema.Field f : rec.getSchema().getFields()) {
                        t.columns.add(f.name());
                        if (rec.get(f.name()) instanceof List<?> values) {
                            long bits = 0;
                            double sum = 0;
                            for (Object x : values) {
                                bits += Checksum.bitsOf(x);
                                sum += ((Number) x).doubleValue();
                            }
                            t.valueSums.merge(f.name(), sum, Double::sum);
                            sums.merge(f.name(), Checksum.ZERO.plusEvent(values.size(), bits), Checksum::plus);
                            fileSums.merge(f.name(), Checksum.ZERO.plusEvent(values.size(), bits), Checksum::plus);
                        }
                    }
                }
            }
        }
        return t;
    }

    private static String partition(Path p, String prefix) {
        for (Path part : p) {
            if (part.toString().startsWith(prefix)) {
                return part.toString().substring(prefix.length());
            }
        }
        throw new AssertionError(p + " is not under a " + prefix + " partition folder");
    }

    public List<Key> keys() {
        return keys;
    }

    public long rows() {
        return keys.size();
    }

    public Set<String> columns() {
        return columns;
    }

    public Map<String, Checksum> checksums(String sample) {
        return checksumsBySample.getOrDefault(sample, Map.of());
    }

    /** Column checksums of the rows of one source file. */
    public Map<String, Checksum> checksumsOfFile(String sourceFile) {
        return checksumsByFile.getOrDefault(sourceFile, Map.of());
    }

    /** The entries of the rows whose source file ends with {@code suffix} (e.g. "/NAME.root"), sorted. */
    public List<Long> entriesOf(String suffix) {
        return keys.stream()
                .filter(k -> k.sourceFile().endsWith(suffix))
                .map(Key::entry)
                .sorted()
                .toList();
    }

    /** Rows whose source file ends with {@code suffix}. */
    public long rowsOf(String suffix) {
        return keys.stream().filter(k -> k.sourceFile().endsWith(suffix)).count();
    }

    /** Sum of a list column's values over the whole table (for comparison with an independent reader). */
    public double sum(String column) {
        return valueSums.getOrDefault(column, 0.0);
    }

    /** Events per sample. */
    public Map<String, Long> rowsBySample() {
        Map<String, Long> n = new HashMap<>();
        keys.forEach(k -> n.merge(k.sample(), 1L, Long::sum));
        return n;
    }

    /** (source_file, entry) pairs seen more than once. */
    public List<Key> duplicates() {
        Set<String> seen = new HashSet<>();
        return keys.stream()
                .filter(k -> !seen.add(k.sourceFile() + "#" + k.entry()))
                .toList();
    }
}
