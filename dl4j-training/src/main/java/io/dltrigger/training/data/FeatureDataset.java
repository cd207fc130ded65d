package io.dltrigger.training.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** A features Parquet dataset (a directory such as {@code OUT/train}): its files, row groups and manifest hash. */
public final class FeatureDataset {
    private final String root;
    private final List<FileStatus> files;

    private FeatureDataset(String root, List<FileStatus> files) {
        this.root = root;
        this.files = files;
    }

    /** Every {@code *.parquet} file under {@code dir} (recursively, skipping hidden and {@code _} files), sorted. */
    public static FeatureDataset open(String dir) {
        Path path = new Path(dir);
        try {
            FileSystem fs = path.getFileSystem(new Configuration());
            if (!fs.exists(path)) {
                throw new FeatureDataException(dir + ": features dataset does not exist");
            }
            List<FileStatus> found = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                String name = f.getPath().getName();
                if (name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_")) {
                    found.add(f);
                }
            }
            if (found.isEmpty()) {
                throw new FeatureDataException(dir + ": no .parquet files");
            }
            found.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
            return new FeatureDataset(dir, found);
        } catch (IOException e) {
            throw new FeatureDataException(dir + ": cannot list features dataset: " + e.getMessage(), e);
        }
    }

    public String root() {
        return root;
    }

    public List<String> files() {
        return files.stream().map(f -> f.getPath().toString()).toList();
    }

    public List<FeatureSplit> splits() {
        List<FeatureSplit> out = new ArrayList<>();
        for (String f : files()) {
            out.addAll(ParquetFeatureReader.splits(f));
        }
        return out;
    }

    public long rows() {
        return splits().stream().mapToLong(FeatureSplit::rows).sum();
    }

    /** SHA-256 over the files' names relative to the root and their sizes: the data version a model records. */
    public String manifestHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String prefix = files.get(0)
                    .getPath()
                    .getFileSystem(new Configuration())
                    .makeQualified(new Path(root))
                    .toString();
            for (FileStatus f : files) {
                String rel = f.getPath()
                        .toString()
                        .substring(
                                Math.min(prefix.length(), f.getPath().toString().length()));
                md.update((rel + "\t" + f.getLen() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
