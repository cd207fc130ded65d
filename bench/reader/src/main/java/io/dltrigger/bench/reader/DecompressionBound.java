package io.dltrigger.bench.reader;

import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootTreeAccess;
import io.dltrigger.shaded.laurelin.root_proxy.Compression;
import io.dltrigger.shaded.laurelin.root_proxy.TBranch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The floor for any reader: read every basket of the given branches and decompress it, nothing else
 * (no deserialization, no Arrow). Returns the uncompressed bytes, so MB/s compare like for like.
 */
final class DecompressionBound {
    private DecompressionBound() {}

    static long inflateAll(List<Path> files, String tree, List<String> branches) throws Exception {
        long total = 0;
        for (Path p : files) {
            List<TBranch> tbranches;
            try (RootFile f = RootFile.open(p.toString())) {
                tbranches = RootTreeAccess.tbranches(f.tree(tree), branches);
            }
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                for (TBranch b : tbranches) {
                    long[] seeks = b.getBasketSeek();
                    int[] sizes = b.getBasketBytes();
                    for (int i = 0; i < b.getBasketCount(); i++) {
                        if (seeks[i] == 0) {
                            continue; // a basket kept inside the TTree record, not on its own
                        }
                        total += inflate(ch, seeks[i], sizes[i]);
                    }
                }
            }
        }
        return total;
    }

    private static int inflate(FileChannel ch, long seek, int nbytes) throws IOException {
        ByteBuffer key = ByteBuffer.allocate(nbytes);
        ch.read(key, seek);
        // TKey header: Nbytes(4) Version(2) ObjLen(4) Datime(4) KeyLen(2) ...
        int objLen = key.getInt(6);
        int keyLen = key.getShort(14);
        int compressed = nbytes - keyLen;
        if (objLen <= compressed) {
            return objLen;
        }
        return Compression.decompress(key.position(keyLen).slice(), compressed, objLen).length;
    }
}
