package io.dltrigger.bridge.io;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code root://host[:port]//path} through the official XRootD client ({@link XrdPosix}). Folders are
 * listed with opendir/readdir and a stat per entry. Errors are the client's errno: no such file is
 * {@link StorageException.Kind#NOT_FOUND}, refused credentials {@link StorageException.Kind#DENIED},
 * everything else (refused connection, timeout, server error) {@link StorageException.Kind#UNAVAILABLE}.
 */
final class XRootDStorage implements Storage {
    private static final int ENOENT = 2;
    private static final int EPERM = 1;
    private static final int EACCES = 13;
    private static final int ENOTDIR = 20;
    /** XRootD reports a failed authentication as EAUTH, which Linux defines as EBADE (52). */
    private static final int EAUTH = 52;

    private static volatile XRootDStorage instance;

    private final XrdPosix.Lib xrd;

    private XRootDStorage(XrdPosix.Lib xrd) {
        this.xrd = xrd;
    }

    static XRootDStorage instance() {
        if (instance == null) {
            synchronized (XRootDStorage.class) {
                if (instance == null) {
                    instance = new XRootDStorage(XrdPosix.lib());
                }
            }
        }
        return instance;
    }

    @Override
    public StorageEntry stat(String location) throws IOException {
        Memory st = XrdPosix.statBuffer();
        if (xrd.XrdPosix_Stat(location, st) != 0) {
            throw failure(location, "cannot stat", Native.getLastError());
        }
        return entry(location, st);
    }

    private static StorageEntry entry(String location, Memory st) {
        boolean dir = XrdPosix.isDirectory(st);
        return new StorageEntry(location, dir ? 0 : XrdPosix.size(st), XrdPosix.modifiedMillis(st), dir);
    }

    @Override
    public List<StorageEntry> list(String folder) throws IOException {
        Pointer dir = xrd.XrdPosix_Opendir(folder);
        if (dir == null) {
            throw failure(folder, "cannot list", Native.getLastError());
        }
        List<String> names = new ArrayList<>();
        try {
            for (Pointer e; (e = xrd.XrdPosix_Readdir64(dir)) != null; ) {
                String name = e.getString(XrdPosix.DIRENT_NAME);
                if (!name.equals(".") && !name.equals("..")) {
                    names.add(name);
                }
            }
        } finally {
            xrd.XrdPosix_Closedir(dir);
        }
        // readdir's d_type is not filled in by XrdPosix: a stat per entry says file or folder
        List<StorageEntry> out = new ArrayList<>(names.size());
        for (String name : names) {
            try {
                out.add(stat(Storage.child(folder, name)));
            } catch (StorageException gone) {
                if (gone.kind() != StorageException.Kind.NOT_FOUND) {
                    throw gone;
                }
            }
        }
        return out;
    }

    @Override
    public ByteSource open(String location) throws IOException {
        int fd = xrd.XrdPosix_Open(location, XrdPosix.O_RDONLY, 0);
        if (fd < 0) {
            throw failure(location, "cannot open", Native.getLastError());
        }
        Memory st = XrdPosix.statBuffer();
        if (xrd.XrdPosix_Fstat(fd, st) != 0) {
            int errno = Native.getLastError();
            xrd.XrdPosix_Close(fd);
            throw failure(location, "cannot stat the open file", errno);
        }
        return new XRootDSource(xrd, location, fd, entry(location, st));
    }

    static StorageException failure(String location, String what, int errno) {
        StorageException.Kind kind = switch (errno) {
            case ENOENT, ENOTDIR -> StorageException.Kind.NOT_FOUND;
            case EPERM, EACCES, EAUTH -> StorageException.Kind.DENIED;
            default -> StorageException.Kind.UNAVAILABLE;
        };
        return new StorageException(kind, location, what + ": " + XrdPosix.strerror(errno) + " (errno " + errno + ")");
    }

    private static final class XRootDSource implements ByteSource {
        private final XrdPosix.Lib xrd;
        private final String location;
        private final StorageEntry status;
        private int fd;

        XRootDSource(XrdPosix.Lib xrd, String location, int fd, StorageEntry status) {
            this.xrd = xrd;
            this.location = location;
            this.fd = fd;
            this.status = status;
        }

        @Override
        public String location() {
            return location;
        }

        @Override
        public StorageEntry status() {
            return status;
        }

        @Override
        public ByteBuffer read(long offset, int length) throws IOException {
            if (fd < 0) {
                throw new IOException(location + ": read after close");
            }
            byte[] out = new byte[length];
            try (Memory buf = new Memory(Math.max(1, length))) {
                long done = 0;
                while (done < length) {
                    long n = xrd.XrdPosix_Pread(fd, buf.share(done), length - done, offset + done);
                    if (n < 0) {
                        throw failure(location, "cannot read " + length + " bytes at " + offset, Native.getLastError());
                    }
                    if (n == 0) {
                        throw new FileEndException(location, offset + done, offset, length);
                    }
                    done += n;
                }
                buf.read(0, out, 0, length);
            }
            return ByteBuffer.wrap(out);
        }

        @Override
        public void close() throws IOException {
            if (fd >= 0) {
                // read-only: a failed close (server gone) loses nothing, so its result is not checked
                xrd.XrdPosix_Close(fd);
                fd = -1;
            }
        }
    }
}
