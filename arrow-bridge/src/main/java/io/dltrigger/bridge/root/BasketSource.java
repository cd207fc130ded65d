package io.dltrigger.bridge.root;

import edu.vanderbilt.accre.laurelin.array.ArrayBuilder;
import edu.vanderbilt.accre.laurelin.array.RawArray;
import edu.vanderbilt.accre.laurelin.root_proxy.ROOTFile;
import edu.vanderbilt.accre.laurelin.root_proxy.TBranch;
import edu.vanderbilt.accre.laurelin.spark_ttree.SlimTBranch;
import io.dltrigger.bridge.root.codec.RootDecompressor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands a branch's baskets to Laurelin's ArrayBuilder. Each basket is fetched with one positioned read
 * of exactly its bytes from the file (local or Hadoop) and decompressed once; Laurelin's own path
 * assembles it from a cache of 16 KB blocks, copying several times, and keeps a process-wide cache of
 * decompressed baskets. Baskets kept inside the TTree record (no seek of their own) still go through
 * Laurelin.
 */
final class BasketSource implements ArrayBuilder.GetBasket {
    /** TBasket header fields end the key: ..., fNevBuf(4), fLast(4), flag(1). */
    private static final int LAST_FROM_KEY_END = 5;

    private final SlimTBranch slim;
    private final ROOTFile file;
    private final long[] seeks;
    private final int[] sizes;
    private final Map<Integer, ByteBuffer> fetched = new HashMap<>();

    BasketSource(TBranch branch, SlimTBranch slim, ROOTFile file) {
        this.slim = slim;
        this.file = file;
        this.seeks = branch.getBasketSeek();
        this.sizes = branch.getBasketBytes();
    }

    @Override
    public ArrayBuilder.BasketKey basketkey(int i) {
        if (seeks[i] == 0) {
            SlimTBranch.SlimTBasket b = slim.getBasket(i);
            b.initializeMetadata(file);
            return new ArrayBuilder.BasketKey(b.getKeyLen(), b.getLast(), b.getObjLen());
        }
        ByteBuffer raw = fetch(i);
        int keyLen = raw.getShort(14);
        return new ArrayBuilder.BasketKey(keyLen, raw.getInt(keyLen - LAST_FROM_KEY_END), raw.getInt(6));
    }

    @Override
    public RawArray dataWithoutKey(int i) {
        try {
            if (seeks[i] == 0) {
                return new RawArray(slim.getBasket(i).getPayload(file));
            }
            ByteBuffer raw = fetched.containsKey(i) ? fetched.remove(i) : fetch(i);
            // TKey header: Nbytes(4) Version(2) ObjLen(4) Datime(4) KeyLen(2) ...
            int objLen = raw.getInt(6);
            int keyLen = raw.getShort(14);
            int stored = sizes[i] - keyLen;
            ByteBuffer payload = raw.duplicate().position(keyLen).slice();
            if (objLen <= stored) {
                return new RawArray(payload.limit(objLen).slice());
            }
            return new RawArray(ByteBuffer.wrap(RootDecompressor.decompress(payload, stored, objLen)));
        } catch (IOException e) {
            throw new UncheckedIOException("basket " + i + " of " + slim.getPath() + ": " + e.getMessage(), e);
        }
    }

    private ByteBuffer fetch(int i) {
        return fetched.computeIfAbsent(i, k -> {
            try {
                // Laurelin's file interfaces return the buffer as filled (position at the end): take it from 0.
                ByteBuffer b = file.getFileInterface()
                        .read(seeks[k], sizes[k])
                        .duplicate()
                        .clear();
                if (b.limit() < sizes[k]) {
                    throw new IOException("basket at byte " + seeks[k] + " ends after " + b.limit() + " of " + sizes[k]
                            + " bytes (truncated file?)");
                }
                return b.limit(sizes[k]).slice();
            } catch (IOException e) {
                throw new UncheckedIOException("basket " + k + " of " + slim.getPath() + ": " + e.getMessage(), e);
            }
        });
    }
}
