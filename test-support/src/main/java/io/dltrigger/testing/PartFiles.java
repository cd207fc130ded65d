package io.dltrigger.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** The committed {@code part-*.parquet} files of a table, as a reader outside the project lists them. */
public final class PartFiles {
    private PartFiles() {}

    /**
     * The part files under {@code table}, sorted, not descending into {@code _} folders (checkpoints, quarantine,
     * logs: Flink may still be deleting old checkpoints there when a job has returned); none if it does not exist.
     */
    public static List<Path> of(Path table) throws IOException {
        List<Path> parts = new ArrayList<>();
        if (!Files.isDirectory(table)) {
            return parts;
        }
        Files.walkFileTree(table, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return !d.equals(table) && d.getFileName().toString().startsWith("_")
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                String name = p.getFileName().toString();
                if (name.startsWith("part-") && name.endsWith(".parquet")) {
                    parts.add(p);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path p, IOException e) {
                return FileVisitResult.CONTINUE; // renamed or deleted while listed
            }
        });
        parts.sort(null);
        return parts;
    }
}
