package io.dltrigger.bridge.root;

import io.dltrigger.shaded.laurelin.array.ArrayBuilder.BasketKey;
import io.dltrigger.shaded.laurelin.root_proxy.BasketReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;

/**
 * Decodes a branch's baskets over an entry range straight into Arrow buffers: each basket is decompressed once
 * (into a buffer reused from basket to basket), its values are copied in bulk from ROOT's big-endian layout to
 * Arrow's little-endian one, and list offsets are computed from the basket's entry offsets in the same pass.
 * Laurelin's ArrayBuilder decoded into buffers of its own, converted each basket's offsets into new arrays and
 * counts, and left a copy into Arrow to do; in the profile that was most of the reader's time above
 * decompression (bench/RESULTS.md). Unsigned types keep their width (Laurelin widens them). Every size read from
 * the file is checked before it is used, so corrupt data fails instead of yielding values.
 */
final class BasketDecoder {
    /** After a variable-size basket's values: a 4-byte count, then each entry's start (from the key's start). */
    private static final int ENTRY_OFFSETS_AT = 4;

    /**
     * Values of a range, little-endian, and for jagged branches the Arrow list offsets (else null). Closing it
     * releases these references; a vector that loaded the buffers keeps its own.
     */
    record Decoded(ArrowBuf values, long valueCount, ArrowBuf offsets) implements AutoCloseable {
        @Override
        public void close() {
            values.close();
            if (offsets != null) {
                offsets.close();
            }
        }
    }

    private final BasketReader baskets;
    private final long[] entryOffsets;
    private final ValueType type;
    private final String branch;
    private byte[] scratch = new byte[0];

    /**
     * @param entryOffsets the first entry of each basket, then the tree's entry count
     */
    BasketDecoder(BasketReader baskets, long[] entryOffsets, ValueType type, String branch) {
        this.baskets = baskets;
        this.entryOffsets = entryOffsets;
        this.type = type;
        this.branch = branch;
    }

    /** Entries of {@code perEntry} values each (scalars: 1, fixed arrays: their length). */
    Decoded fixed(EntryRange range, int perEntry, BufferAllocator allocator) {
        int entrySize = perEntry * type.width();
        long count = range.size() * perEntry;
        ArrowBuf values = allocateValues(count, allocator);
        try {
            for (int b : basketsOf(range)) {
                BasketKey key = baskets.basketkey(b);
                long first = entryOffsets[b];
                long entries = entryOffsets[b + 1] - first;
                int border = key.getLast() - key.getKeylen();
                if (key.getObjlen() != border || border != entries * entrySize) {
                    throw corrupt(
                            b,
                            "holds " + border + " bytes of values in " + key.getObjlen() + " for " + entries
                                    + " entries of " + entrySize + " bytes");
                }
                ByteBuffer payload = payload(b, key);
                long from = Math.max(range.start(), first);
                long to = Math.min(range.stop(), entryOffsets[b + 1]);
                copy(
                        payload,
                        (int) (from - first) * entrySize,
                        (int) (to - from) * entrySize,
                        values,
                        (from - range.start()) * perEntry);
            }
            return new Decoded(values, count, null);
        } catch (RuntimeException e) {
            values.close();
            throw e;
        }
    }

    /**
     * Entries of any number of values (counter-sized arrays, collection members, std::vector), each preceded by
     * {@code skipBytes} bytes that are not values (a std::vector's byte count and version).
     */
    Decoded jagged(EntryRange range, int skipBytes, BufferAllocator allocator) {
        List<Integer> selected = basketsOf(range);
        long capacity = 0;
        for (int b : selected) {
            // whole baskets' value counts, from the keys alone: exact, or an upper bound where the range cuts a basket
            BasketKey key = baskets.basketkey(b);
            long bytes = key.getLast() - key.getKeylen() - (entryOffsets[b + 1] - entryOffsets[b]) * skipBytes;
            capacity += Math.max(0, bytes) / type.width();
        }
        if (capacity > Integer.MAX_VALUE || range.size() >= Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("entries " + range.start() + "-" + range.stop() + " of " + branch
                    + " hold more values than an Arrow list takes; read smaller chunks");
        }
        ArrowBuf values = allocateValues(capacity, allocator);
        ArrowBuf offsets = allocator.buffer((range.size() + 1) * 4);
        try {
            offsets.setInt(0, 0);
            long row = 0;
            long total = 0;
            for (int b : selected) {
                BasketKey key = baskets.basketkey(b);
                long first = entryOffsets[b];
                int entries = (int) (entryOffsets[b + 1] - first);
                int border = key.getLast() - key.getKeylen();
                if (border < 0 || (long) key.getObjlen() - border - ENTRY_OFFSETS_AT < 4L * (entries + 1)) {
                    throw corrupt(b, "has no entry offsets for its " + entries + " entries");
                }
                ByteBuffer payload = payload(b, key);
                int from = (int) (Math.max(range.start(), first) - first);
                int to = (int) (Math.min(range.stop(), entryOffsets[b + 1]) - first);
                int end = entryStart(payload, key, border, from);
                long runFrom = total;
                int runStart = end;
                for (int i = from; i < to; i++) {
                    int start = end;
                    end = i + 1 < entries ? entryStart(payload, key, border, i + 1) : border;
                    int bytes = end - start - skipBytes;
                    if (start < 0 || end > border || bytes < 0 || bytes % type.width() != 0) {
                        throw corrupt(
                                b,
                                "entry " + (first + i) + " spans bytes " + start + "-" + end + " of " + border + " ("
                                        + skipBytes + " to skip, values of " + type.width() + " bytes)");
                    }
                    int count = bytes / type.width();
                    if (total + count > capacity) {
                        throw corrupt(b, "holds more values than its key announces");
                    }
                    if (skipBytes > 0) {
                        copy(payload, start + skipBytes, bytes, values, total);
                    }
                    total += count;
                    offsets.setInt(4 * ++row, (int) total);
                }
                if (skipBytes == 0) {
                    // the entries' values are contiguous: one bulk copy per basket
                    copy(payload, runStart, end - runStart, values, runFrom);
                }
            }
            return new Decoded(values, total, offsets);
        } catch (RuntimeException e) {
            values.close();
            offsets.close();
            throw e;
        }
    }

    /** The baskets holding entries of the range, in order. */
    private List<Integer> basketsOf(EntryRange range) {
        List<Integer> out = new ArrayList<>();
        for (int b = 0; b + 1 < entryOffsets.length; b++) {
            if (entryOffsets[b] < range.stop() && entryOffsets[b + 1] > range.start()) {
                out.add(b);
            }
        }
        return out;
    }

    private ByteBuffer payload(int basket, BasketKey key) {
        if (scratch.length < key.getObjlen()) {
            scratch = new byte[key.getObjlen()];
        }
        return baskets.payload(basket, scratch).order(ByteOrder.BIG_ENDIAN);
    }

    /** Where entry i's bytes start in the payload (ROOT counts them from the key's start). */
    private static int entryStart(ByteBuffer payload, BasketKey key, int border, int i) {
        return payload.getInt(border + ENTRY_OFFSETS_AT + 4 * i) - key.getKeylen();
    }

    private ArrowBuf allocateValues(long count, BufferAllocator allocator) {
        if (type == ValueType.BOOL) {
            ArrowBuf bits = allocator.buffer(BitVectorHelper.getValidityBufferSize((int) count));
            bits.setZero(0, bits.capacity());
            return bits;
        }
        // not zeroed: every value up to the count is written
        return allocator.buffer(count * type.width());
    }

    /** Copies {@code bytes} bytes of values from the payload to value index {@code at} of the Arrow buffer. */
    private void copy(ByteBuffer payload, int from, int bytes, ArrowBuf values, long at) {
        if (bytes == 0) {
            return;
        }
        ByteBuffer src = payload.duplicate().position(from).limit(from + bytes).slice();
        if (type == ValueType.BOOL) {
            // ROOT stores one byte per bool, Arrow one bit
            for (int k = 0; k < bytes; k++) {
                if (src.get(k) != 0) {
                    BitVectorHelper.setBit(values, at + k);
                }
            }
            return;
        }
        ByteBuffer dst = values.nioBuffer(at * type.width(), bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (type.width()) {
            case 1 -> dst.put(src);
            case 2 -> dst.asShortBuffer().put(src.order(ByteOrder.BIG_ENDIAN).asShortBuffer());
            case 4 -> dst.asIntBuffer().put(src.order(ByteOrder.BIG_ENDIAN).asIntBuffer());
            default -> dst.asLongBuffer().put(src.order(ByteOrder.BIG_ENDIAN).asLongBuffer());
        }
    }

    private IllegalStateException corrupt(int basket, String what) {
        return new IllegalStateException("basket " + basket + " of branch " + branch + " " + what + " (corrupt data?)");
    }
}
