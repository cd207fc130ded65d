package io.dltrigger.training.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Write-then-rename helpers: outputs appear whole or not at all. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** A fresh temporary path next to {@code target} (same file system, so the final rename is atomic). */
    public static Path tempSibling(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    }

    /** Moves a completed directory into place; an existing one is moved aside first, then deleted. */
    public static void replaceDirectory(Path completed, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = tempSibling(target);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(completed, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteTree(old);
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        Path tmp = tempSibling(target);
        Files.writeString(tmp, content);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
