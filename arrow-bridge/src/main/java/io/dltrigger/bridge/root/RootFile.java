package io.dltrigger.bridge.root;

import io.dltrigger.shaded.laurelin.root_proxy.Proxy;
import io.dltrigger.shaded.laurelin.root_proxy.ROOTFile;
import io.dltrigger.shaded.laurelin.root_proxy.TFile;
import io.dltrigger.shaded.laurelin.root_proxy.TKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An open ROOT file: a local path, or a Hadoop-compatible URI ({@code file:}, {@code hdfs:}, {@code s3a:}...)
 * read through Hadoop's FileSystem. Every failure names the file and what was wrong.
 */
public final class RootFile implements AutoCloseable {
    private final String location;
    private final ROOTFile bytes;
    private final TFile file;

    private RootFile(String location, ROOTFile bytes, TFile file) {
        this.location = location;
        this.bytes = bytes;
        this.file = file;
    }

    public static RootFile open(String pathOrUri) throws RootFormatException {
        ROOTFile bytes;
        try {
            bytes = ROOTFile.getInputFile(pathOrUri);
        } catch (IOException | RuntimeException e) {
            throw new RootFormatException(pathOrUri, "cannot open", e);
        }
        try {
            checkHeader(pathOrUri, bytes);
            TFile file = TFile.getFromFile(bytes);
            long end = file.getEnd();
            long size = bytes.getLimit();
            if (end > size) {
                throw new RootFormatException(
                        pathOrUri,
                        "truncated: the header says the file ends at byte " + end + " but it has " + size + " bytes");
            }
            return new RootFile(pathOrUri, bytes, file);
        } catch (RootFormatException e) {
            closeQuietly(bytes);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(bytes);
            throw new RootFormatException(pathOrUri, "corrupt or truncated ROOT file", e);
        }
    }

    private static void checkHeader(String location, ROOTFile bytes) throws IOException {
        long size = bytes.getLimit();
        if (size < 4) {
            throw new RootFormatException(location, "not a ROOT file: only " + size + " bytes");
        }
        ByteBuffer magic = bytes.read(0, 4);
        byte[] m = new byte[4];
        magic.get(0, m);
        if (!"root".equals(new String(m, StandardCharsets.ISO_8859_1))) {
            throw new RootFormatException(location, "not a ROOT file: it does not start with the 'root' magic");
        }
    }

    ROOTFile bytes() {
        return bytes;
    }

    public String location() {
        return location;
    }

    /** Names of the trees among the top-level keys, in file order, without repeated cycles. */
    public List<String> treeNames() {
        return file.getKeys().stream()
                .filter(k -> "TTree".equals(k.getClassName()) || "TNtuple".equals(k.getClassName()))
                .map(TKey::getName)
                .distinct()
                .toList();
    }

    public RootTree tree(String name) throws RootFormatException {
        if (!treeNames().contains(name)) {
            throw new RootFormatException(location, "no tree '" + name + "' (trees: " + treeNames() + ")");
        }
        try {
            Proxy proxy = file.getProxy(name);
            return new RootTree(this, file, proxy);
        } catch (IOException | RuntimeException e) {
            throw new RootFormatException(location, "cannot read tree '" + name + "'", e);
        }
    }

    @Override
    public void close() {
        closeQuietly(bytes);
    }

    private static void closeQuietly(ROOTFile f) {
        try {
            f.close();
        } catch (Exception ignored) {
            // closing a read-only handle: nothing to recover
        }
    }
}
