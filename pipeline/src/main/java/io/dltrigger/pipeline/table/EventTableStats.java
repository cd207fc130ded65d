package io.dltrigger.pipeline.table;

import io.dltrigger.contract.EventTableContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;

/**
 * How many events the event table holds, in all and per sample, counted from the Parquet footers of its
 * committed part files (the row count every footer records), never by reading data: a table of billions of
 * events is counted in the time it takes to read a few kilobytes per file. Committed files are the visible
 * {@code TABLE/sample=NAME/ingest_date=D/*.parquet}: names or folders starting with {@code .} (Flink's in-progress
 * files) or {@code _} (checkpoints, quarantine) are not part of the table, as for Spark and every Parquet reader.
 *
 * @param files committed part files counted
 */
public record EventTableStats(long total, Map<String, Long> perSample, int files) {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    public EventTableStats {
        perSample = Map.copyOf(perSample);
    }

    /** The table at {@code table}; a missing folder is an empty table. */
    public static EventTableStats of(Path table) {
        if (!Files.isDirectory(table)) {
            return new EventTableStats(0, Map.of(), 0);
        }
        Map<String, Long> perSample = new TreeMap<>();
        long total = 0;
        int files = 0;
        try (Stream<Path> walk = Files.walk(table)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = table.relativize(f);
                if (!f.getFileName().toString().endsWith(".parquet") || hidden(rel)) {
                    continue;
                }
                long rows = rows(f);
                perSample.merge(sample(rel), rows, Long::sum);
                total += rows;
                files++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the event table " + table, e);
        }
        return new EventTableStats(total, perSample, files);
    }

    /** The row count a Parquet file's footer records. */
    public static long rows(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 12) {
                throw new IllegalStateException(file + " is not a Parquet file (" + size + " bytes)");
            }
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(tail, size - 8);
            tail.flip();
            int footerLength = tail.getInt();
            byte[] magic = new byte[4];
            tail.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC) || footerLength <= 0 || footerLength > size - 12) {
                throw new IllegalStateException(file + " is not a complete Parquet file (no footer)");
            }
            ByteBuffer footer = ByteBuffer.allocate(footerLength);
            ch.read(footer, size - 8 - footerLength);
            FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer.array()), true);
            return meta.getNum_rows();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footer of " + file, e);
        }
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /** The {@code sample=NAME} partition of a file, or "?" for a file outside one. */
    private static String sample(Path rel) {
        for (Path part : rel) {
            String n = part.toString();
            if (n.startsWith(EventTableContract.SAMPLE + "=")) {
                return n.substring(EventTableContract.SAMPLE.length() + 1);
            }
        }
        return "?";
    }

    /** Events per sample beyond a baseline (never negative: a shrunk sample counts as no new events). */
    public Map<String, Long> newSince(Map<String, Long> baseline) {
        Map<String, Long> out = new TreeMap<>();
        perSample.forEach((s, n) -> out.put(s, Math.max(0, n - baseline.getOrDefault(s, 0L))));
        return out;
    }

    /** For messages: {@code 28,000 events (qcd 20,000, ttbar 4,000, wjets 4,000) in 9 files}. */
    public String describe() {
        List<String> parts = perSample.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format("%,d", e.getValue()))
                .toList();
        return String.format("%,d events", total) + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
                + " in " + files + " files";
    }
}
