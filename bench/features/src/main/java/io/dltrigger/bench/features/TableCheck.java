package io.dltrigger.bench.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Row-by-row equality of two Parquet datasets (a table written on a cluster against the same table written
 * locally), for {@code bench/cluster.sh}: {@code TableCheck A B [--ignore COLUMN]... [--key COLUMN,...]}.
 * Equal means the same number of rows and nothing in one that is not in the other (as multisets, so a
 * duplicated row counts); {@code --key} also requires the key to be unique in both. Prints one line and
 * exits 0 when equal, 1 otherwise. Runs on a local[2] session.
 */
public final class TableCheck {
    private TableCheck() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: TableCheck A B [--ignore COLUMN]... [--key COLUMN,...]");
            System.exit(2);
        }
        List<String> ignore = new ArrayList<>();
        List<String> key = List.of();
        for (int i = 2; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--ignore" -> ignore.add(args[i + 1]);
                case "--key" -> key = Arrays.asList(args[i + 1].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("dltrigger-table-check")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        boolean equal;
        try {
            Dataset<Row> a = spark.read().parquet(args[0]).drop(ignore.toArray(String[]::new));
            Dataset<Row> b = spark.read().parquet(args[1]).drop(ignore.toArray(String[]::new));
            long rowsA = a.count();
            long rowsB = b.count();
            long onlyA = a.exceptAll(b).count();
            long onlyB = b.exceptAll(a).count();
            long dupA = duplicateKeys(a, key);
            long dupB = duplicateKeys(b, key);
            equal = rowsA == rowsB && onlyA == 0 && onlyB == 0 && dupA == 0 && dupB == 0;
            System.out.printf(
                    "%s: %d rows; %s: %d rows; only in the first: %d, only in the second: %d; "
                            + "duplicate keys %s: %d, %d -> %s%n",
                    args[0], rowsA, args[1], rowsB, onlyA, onlyB, key, dupA, dupB, equal ? "EQUAL" : "DIFFERENT");
        } finally {
            spark.stop();
        }
        System.exit(equal ? 0 : 1);
    }

    /** Rows beyond the first for each key value (0 when the key is unique, or no key is given). */
    private static long duplicateKeys(Dataset<Row> d, List<String> key) {
        if (key.isEmpty()) {
            return 0;
        }
        Column[] cols = key.stream().map(functions::col).toArray(Column[]::new);
        return d.count() - d.select(cols).distinct().count();
    }
}
