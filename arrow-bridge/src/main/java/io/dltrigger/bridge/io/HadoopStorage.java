package io.dltrigger.bridge.io;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;

/**
 * Any Hadoop-compatible file system ({@code hdfs:}, {@code s3a:} with hadoop-aws on the classpath, ...),
 * configured as Hadoop clients are ({@code core-site.xml}, {@code HADOOP_CONF_DIR}).
 */
final class HadoopStorage implements Storage {
    static final HadoopStorage INSTANCE = new HadoopStorage();

    private HadoopStorage() {}

    private static FileSystem fs(Path p) throws IOException {
        return p.getFileSystem(new Configuration());
    }

    private static StorageEntry entry(FileStatus s) {
        return new StorageEntry(
                s.getPath().toString(), s.isDirectory() ? 0 : s.getLen(), s.getModificationTime(), s.isDirectory());
    }

    @Override
    public StorageEntry stat(String location) throws IOException {
        Path p = new Path(Storage.uri(location));
        try {
            return entry(fs(p).getFileStatus(p));
        } catch (IOException e) {
            throw failure(location, "cannot stat", e);
        }
    }

    @Override
    public List<StorageEntry> list(String folder) throws IOException {
        Path p = new Path(Storage.uri(folder));
        try {
            List<StorageEntry> out = new ArrayList<>();
            for (FileStatus s : fs(p).listStatus(p)) {
                out.add(entry(s));
            }
            return out;
        } catch (IOException e) {
            throw failure(folder, "cannot list", e);
        }
    }

    @Override
    public ByteSource open(String location) throws IOException {
        Path p = new Path(Storage.uri(location));
        try {
            FileSystem fs = fs(p);
            StorageEntry entry = entry(fs.getFileStatus(p)); // before opening: a failed stat leaks no stream
            return new HadoopSource(location, fs.open(p), entry);
        } catch (IOException e) {
            throw failure(location, "cannot open", e);
        }
    }

    private static StorageException failure(String location, String what, IOException e) {
        StorageException.Kind kind = e instanceof FileNotFoundException
                ? StorageException.Kind.NOT_FOUND
                : e instanceof AccessControlException
                        ? StorageException.Kind.DENIED
                        : StorageException.Kind.UNAVAILABLE;
        return new StorageException(kind, location, what, e);
    }

    private record HadoopSource(String location, FSDataInputStream in, StorageEntry status) implements ByteSource {
        @Override
        public ByteBuffer read(long offset, int length) throws IOException {
            byte[] b = new byte[length];
            try {
                // readFully: a positioned read may return fewer bytes (at an HDFS block boundary)
                in.readFully(offset, b, 0, length);
            } catch (EOFException e) {
                throw new FileEndException(location, -1, offset, length);
            } catch (IOException e) {
                throw failure(location, "cannot read " + length + " bytes at " + offset, e);
            }
            return ByteBuffer.wrap(b);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
