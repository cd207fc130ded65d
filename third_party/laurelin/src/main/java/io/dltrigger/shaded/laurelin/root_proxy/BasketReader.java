package io.dltrigger.shaded.laurelin.root_proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import io.dltrigger.shaded.laurelin.array.ArrayBuilder;
import io.dltrigger.shaded.laurelin.array.RawArray;

/**
 * DLTrigger fork: hands a branch's baskets to ArrayBuilder, each fetched
 * with one positioned read of exactly its bytes and decompressed once.
 *
 * <p>Upstream's path (SlimTBranch's callback) parsed each basket's key
 * through a Cursor, assembled the basket from a process-wide cache of 16 KB
 * file blocks with several copies, and kept every decompressed basket in a
 * process-wide soft-reference cache. Reading one chunk of a branch touches
 * each of its baskets once, so neither cache helps, and the copies were the
 * largest cost after decompression.
 *
 * <p>ArrayBuilder asks for every basket's key before it asks for any data;
 * a basket read for its key is kept until its data is taken, so each basket
 * is read from the file once. Not thread-safe: one reader per branch and
 * thread.
 */
public class BasketReader implements ArrayBuilder.GetBasket {
    /** TKey header: Nbytes(4) Version(2) ObjLen(4) Datime(4) KeyLen(2) ... */
    private static final int OBJLEN_AT = 6;
    private static final int KEYLEN_AT = 14;
    /** The TBasket header ends the key: ..., fNevBuf(4), fLast(4), flag(1). */
    private static final int LAST_FROM_KEY_END = 5;

    private final TBranch branch;
    private final ROOTFile file;
    private final long[] seeks;
    private final int[] sizes;
    private final Map<Integer, ByteBuffer> fetched = new HashMap<>();

    public BasketReader(TBranch branch, ROOTFile file) {
        this.branch = branch;
        this.file = file;
        this.seeks = branch.getBasketSeek();
        this.sizes = branch.getBasketBytes();
    }

    @Override
    public ArrayBuilder.BasketKey basketkey(int i) {
        ByteBuffer raw = fetched.computeIfAbsent(i, this::read);
        int keyLen = raw.getShort(KEYLEN_AT);
        return new ArrayBuilder.BasketKey(keyLen, raw.getInt(keyLen - LAST_FROM_KEY_END), raw.getInt(OBJLEN_AT));
    }

    @Override
    public RawArray dataWithoutKey(int i) {
        ByteBuffer raw = fetched.containsKey(i) ? fetched.remove(i) : read(i);
        int objLen = raw.getInt(OBJLEN_AT);
        int keyLen = raw.getShort(KEYLEN_AT);
        int stored = sizes[i] - keyLen;
        ByteBuffer payload = raw.duplicate().position(keyLen).slice();
        if (objLen <= stored) {
            return new RawArray(payload.limit(objLen).slice());
        }
        try {
            return new RawArray(ByteBuffer.wrap(Compression.decompress(payload, stored, objLen)));
        } catch (IOException e) {
            throw failure(i, e);
        }
    }

    private ByteBuffer read(int i) {
        try {
            // the file interfaces return the buffer as filled (position at its end): take it from 0
            ByteBuffer b = file.getFileInterface().read(seeks[i], sizes[i]).duplicate().clear();
            if (b.limit() < sizes[i]) {
                throw new IOException("basket at byte " + seeks[i] + " ends after " + b.limit() + " of "
                        + sizes[i] + " bytes (truncated file?)");
            }
            return b.limit(sizes[i]).slice();
        } catch (IOException e) {
            throw failure(i, e);
        }
    }

    private UncheckedIOException failure(int i, IOException e) {
        return new UncheckedIOException("basket " + i + " of branch " + branch.getName() + " in "
                + file.getPath() + ": " + e.getMessage(), e);
    }
}
