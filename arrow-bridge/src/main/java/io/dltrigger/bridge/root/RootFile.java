package io.dltrigger.bridge.root;

import io.dltrigger.bridge.io.ByteSource;
import io.dltrigger.bridge.io.Storage;
import io.dltrigger.bridge.io.StorageEntry;
import io.dltrigger.bridge.io.StorageException;
import io.dltrigger.shaded.laurelin.root_proxy.Proxy;
import io.dltrigger.shaded.laurelin.root_proxy.ROOTFile;
import io.dltrigger.shaded.laurelin.root_proxy.TFile;
import io.dltrigger.shaded.laurelin.root_proxy.TKey;
import java.io.IOException;
import java.util.List;

/**
 * An open ROOT file, from any {@link Storage}: a local path or {@code file:}, {@code root://} (XRootD),
 * {@code https://}, or a Hadoop URI. Two kinds of failure, kept apart: {@link StorageException} when the
 * bytes cannot be fetched (the caller may retry), {@link RootFormatException} when the bytes are not a
 * readable ROOT file (retrying will not help); each names the file and what was wrong.
 */
public final class RootFile implements AutoCloseable {
    private final String location;
    private final ByteSource source;
    private final ROOTFile bytes;
    private final TFile file;
    private final RootHeader header;

    private RootFile(String location, ByteSource source, ROOTFile bytes, TFile file, RootHeader header) {
        this.location = location;
        this.source = source;
        this.bytes = bytes;
        this.file = file;
        this.header = header;
    }

    public static RootFile open(String location) throws IOException {
        return open(Storage.forLocation(location).open(location));
    }

    /** Parses an opened file; closes the source if it is not a readable ROOT file. */
    public static RootFile open(ByteSource source) throws IOException {
        String location = source.location();
        try {
            RootHeader header = RootHeader.read(source);
            ROOTFile bytes = ROOTFile.getInputFile(location, new LaurelinFile(source));
            TFile file = TFile.getFromFile(bytes);
            return new RootFile(location, source, bytes, file, header);
        } catch (RootFormatException | StorageException e) {
            closeQuietly(source);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(source);
            throw failure(location, "corrupt ROOT file", "record", e);
        }
    }

    /**
     * What a decoder failure really was: storage (rethrown as such), a read past the end of the file
     * ("truncated: the file ends at byte N, the WHAT at M needs K bytes"), or corrupt data.
     */
    static IOException failure(String location, String corrupt, String what, Exception e) {
        StorageException storage = StorageException.findIn(e);
        if (storage != null) {
            return storage;
        }
        TruncatedReadException truncated = TruncatedReadException.findIn(e);
        if (truncated != null) {
            return new RootFormatException(location, truncated.describe(what));
        }
        return e instanceof RootFormatException r ? r : new RootFormatException(location, corrupt, e);
    }

    ROOTFile bytes() {
        return bytes;
    }

    public String location() {
        return location;
    }

    /** Size and modification time of the file as opened. */
    public StorageEntry status() {
        return source.status();
    }

    /** The file's UUID (TUUID, set by ROOT when the file was created): with size and time, its identity. */
    public String uuid() {
        return header.uuid();
    }

    /** Names of the trees among the top-level keys, in file order, without repeated cycles. */
    public List<String> treeNames() {
        return file.getKeys().stream()
                .filter(k -> "TTree".equals(k.getClassName()) || "TNtuple".equals(k.getClassName()))
                .map(TKey::getName)
                .distinct()
                .toList();
    }

    public RootTree tree(String name) throws IOException {
        if (!treeNames().contains(name)) {
            throw new RootFormatException(location, "no tree '" + name + "' (trees: " + treeNames() + ")");
        }
        try {
            Proxy proxy = file.getProxy(name);
            return new RootTree(this, file, proxy);
        } catch (IOException | RuntimeException e) {
            throw failure(location, "cannot read tree '" + name + "'", "record", e);
        }
    }

    @Override
    public void close() {
        closeQuietly(source);
    }

    private static void closeQuietly(ByteSource s) {
        try {
            s.close();
        } catch (Exception ignored) {
            // closing a read-only handle: nothing to recover
        }
    }
}
