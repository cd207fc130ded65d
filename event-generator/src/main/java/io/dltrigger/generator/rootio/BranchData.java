package io.dltrigger.generator.rootio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One branch's data: the basket being filled (big-endian values, and for variable-size entries the offset of
 * each entry) and the index of the baskets already written (their sizes, first entries and file positions),
 * which the TTree metadata carries.
 */
final class BranchData {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);

    /** ROOT's initial offset-table length for variable-size branches; readers only test it for > 0. */
    static final int ENTRY_OFFSET_LEN = 2000;

    /** Whether entries vary in size, so that baskets carry an entry offset table (ROOT's fEntryOffsetLen > 0). */
    final boolean variableSize;
    /** Bytes of one entry when entries have a fixed size (ROOT's fNevBufSize); 0 otherwise. */
    final int fixedEntryBytes;

    private byte[] data = new byte[1024];
    private int size;
    private int[] entryStarts = new int[64];
    private int basketEntries;

    private int[] basketBytes = new int[8];
    private long[] basketEntry = new long[9];
    private long[] basketSeek = new long[8];
    private int baskets;
    private long entries;
    private long totBytes;
    private long zipBytes;

    BranchData(boolean variableSize, int fixedEntryBytes) {
        this.variableSize = variableSize;
        this.fixedEntryBytes = fixedEntryBytes;
    }

    /** Bytes in the basket being filled. */
    int size() {
        return size;
    }

    int basketEntries() {
        return basketEntries;
    }

    /** Starts an entry of the given size; the caller then puts exactly that many bytes. */
    void beginEntry(int bytes) {
        // room for the entry and for the offset table finishBasket appends
        int needed = size + bytes + 4 * (basketEntries + 3);
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(2 * data.length, needed));
        }
        if (variableSize) {
            if (basketEntries == entryStarts.length) {
                entryStarts = Arrays.copyOf(entryStarts, 2 * basketEntries);
            }
            entryStarts[basketEntries] = size;
        }
        basketEntries++;
        entries++;
    }

    void putInt(int v) {
        INT.set(data, size, v);
        size += 4;
    }

    void putLong(long v) {
        LONG.set(data, size, v);
        size += 8;
    }

    void putFloats(float[] v) {
        int p = size;
        for (float x : v) {
            FLOAT.set(data, p, x);
            p += 4;
        }
        size = p;
    }

    void putInts(int[] v) {
        int p = size;
        for (int x : v) {
            INT.set(data, p, x);
            p += 4;
        }
        size = p;
    }

    /**
     * Completes the basket's object for writing: its data, then (variable-size entries) the entry offset table
     * as ROOT writes it: the count (entries + 1), each entry's start counted from the key's start, and a 0.
     *
     * @return the array holding the object in its first {@link #objectLength} bytes
     */
    byte[] finishBasket(int keyLength) {
        if (variableSize) {
            int p = size;
            INT.set(data, p, basketEntries + 1);
            p += 4;
            for (int i = 0; i < basketEntries; i++) {
                INT.set(data, p, entryStarts[i] + keyLength);
                p += 4;
            }
            INT.set(data, p, 0);
        }
        return data;
    }

    /** fEntryOffsetLen of the branch. */
    int entryOffsetLen() {
        return variableSize ? ENTRY_OFFSET_LEN : 0;
    }

    /** fNevBufSize of a basket: the offset table's length, or the fixed entry size. */
    int nevBufSize() {
        return variableSize ? ENTRY_OFFSET_LEN : fixedEntryBytes;
    }

    int objectLength() {
        return variableSize ? size + 4 + 4 * (basketEntries + 1) : size;
    }

    /** Records a written basket and empties the buffer for the next one. */
    void basketWritten(long seek, int keyLength, int nbytes) {
        if (baskets == basketBytes.length) {
            basketBytes = Arrays.copyOf(basketBytes, 2 * baskets);
            basketSeek = Arrays.copyOf(basketSeek, 2 * baskets);
            basketEntry = Arrays.copyOf(basketEntry, 2 * baskets + 1);
        }
        basketBytes[baskets] = nbytes;
        basketSeek[baskets] = seek;
        basketEntry[baskets + 1] = entries;
        totBytes += keyLength + objectLength();
        zipBytes += nbytes;
        baskets++;
        size = 0;
        basketEntries = 0;
    }

    int baskets() {
        return baskets;
    }

    long entries() {
        return entries;
    }

    long totBytes() {
        return totBytes;
    }

    long zipBytes() {
        return zipBytes;
    }

    /** The basket index as TBranch stores it (fBasketBytes, fBasketEntry, fBasketSeek): 0 past the end. */
    int basketBytes(int i) {
        return i < baskets ? basketBytes[i] : 0;
    }

    long basketEntry(int i) {
        return i <= baskets ? basketEntry[i] : 0;
    }

    long basketSeek(int i) {
        return i < baskets ? basketSeek[i] : 0;
    }
}
