package io.dltrigger.bridge.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local file system (and what is mounted into it: EOS's FUSE mount, NFS). Locations are plain paths or
 * {@code file:} URIs; listed entries are {@code file:/...} URIs, the form Flink and Hadoop print.
 */
final class LocalStorage implements Storage {
    static final LocalStorage INSTANCE = new LocalStorage();

    private LocalStorage() {}

    static Path path(String location) {
        return location.startsWith("file:") ? Path.of(Storage.uri(location)) : Path.of(location);
    }

    private static String uriOf(Path p) {
        // file:/a/b, as Flink's and Hadoop's Path print it (java.net.URI would give file:///a/b)
        return "file:" + p.toAbsolutePath().normalize();
    }

    @Override
    public StorageEntry stat(String location) throws IOException {
        Path p = path(location);
        try {
            return entry(p, Files.readAttributes(p, BasicFileAttributes.class));
        } catch (IOException e) {
            throw failure(location, "cannot stat", e);
        }
    }

    private static StorageEntry entry(Path p, BasicFileAttributes a) {
        return new StorageEntry(
                uriOf(p), a.isDirectory() ? 0 : a.size(), a.lastModifiedTime().toMillis(), a.isDirectory());
    }

    @Override
    public List<StorageEntry> list(String folder) throws IOException {
        Path dir = path(folder);
        List<StorageEntry> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path c : (Iterable<Path>) children::iterator) {
                try {
                    out.add(entry(c, Files.readAttributes(c, BasicFileAttributes.class)));
                } catch (NoSuchFileException gone) {
                    // removed or renamed between listing and stat: it is simply not there
                }
            }
        } catch (IOException e) {
            throw failure(folder, "cannot list", e);
        }
        return out;
    }

    @Override
    public ByteSource open(String location) throws IOException {
        Path p = path(location);
        // stat, open, stat: if the two agree, the open handle is the version they describe (Java has no
        // fstat); a file replaced in between is opened again
        for (int attempt = 0; ; attempt++) {
            StorageEntry before = stat(location);
            FileChannel channel;
            try {
                channel = FileChannel.open(p, StandardOpenOption.READ);
            } catch (IOException e) {
                throw failure(location, "cannot open", e);
            }
            StorageEntry after;
            try {
                after = stat(location);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            if (before.equals(after) || attempt == 2) {
                return new LocalSource(location, channel, after);
            }
            channel.close();
        }
    }

    static StorageException failure(String location, String what, IOException e) {
        if (e instanceof StorageException s) {
            return s;
        }
        StorageException.Kind kind = e instanceof NoSuchFileException || e instanceof NotDirectoryException
                ? StorageException.Kind.NOT_FOUND
                : e instanceof AccessDeniedException ? StorageException.Kind.DENIED : StorageException.Kind.UNAVAILABLE;
        String reason = kind == StorageException.Kind.NOT_FOUND
                ? "no such file or folder"
                : kind == StorageException.Kind.DENIED ? "permission denied" : e.toString();
        return new StorageException(kind, location, what + ": " + reason);
    }

    private record LocalSource(String location, FileChannel channel, StorageEntry status) implements ByteSource {
        @Override
        public ByteBuffer read(long offset, int length) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(length);
            try {
                while (b.hasRemaining()) {
                    if (channel.read(b, offset + b.position()) < 0) {
                        throw new FileEndException(location, channel.size(), offset, length);
                    }
                }
            } catch (FileEndException e) {
                throw e;
            } catch (IOException e) {
                throw failure(location, "cannot read " + length + " bytes at " + offset, e);
            }
            return b.flip();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
