package edu.vanderbilt.accre.laurelin.array;

import java.nio.ByteBuffer;

/**
 * Replaces Laurelin 1.0.1's class of the same name (left out when its core is repackaged, see the
 * module pom), with the same methods and semantics. Laurelin's constructors called
 * {@code super(null, length)}, which allocates and zeroes a buffer as large as the data, and then threw it
 * away for the caller's buffer: one wasted allocation per basket and per slice, the largest cost of
 * reading after decompression. These constructors hand the buffer over without allocating.
 */
public class RawArray extends PrimitiveArray {
    RawArray(int length) {
        this(ByteBuffer.allocate(length));
    }

    RawArray(RawArray rawarray) {
        super(null, rawarray.raw());
        this.length = rawarray.length();
    }

    public RawArray(ByteBuffer buffer) {
        super(null, buffer);
        // Laurelin's length is the buffer's limit, also for a view whose position is not 0 (see compact)
        this.length = buffer.limit();
    }

    @Override
    public int multiplicity() {
        return 1;
    }

    public RawArray slice(int start, int stop) {
        ByteBuffer out = buffer.duplicate();
        out.position(start);
        out.limit(stop);
        return new RawArray(out.slice());
    }

    @Override
    public Array clip(int start, int stop) {
        ByteBuffer out = buffer.duplicate();
        out.position(start);
        out.limit(stop);
        return make(out);
    }

    public RawArray compact(PrimitiveArray.Int4 byteoffsets, int skipbytes, int local_entrystart, int local_entrystop) {
        if (skipbytes == 0) {
            ByteBuffer out = buffer.duplicate();
            out.position(byteoffsets.get(local_entrystart));
            out.limit(byteoffsets.get(local_entrystop));
            return new RawArray(out);
        }
        ByteBuffer out = ByteBuffer.allocate(byteoffsets.get(local_entrystop)
                - byteoffsets.get(local_entrystart)
                - skipbytes * (local_entrystop - local_entrystart));
        buffer.position(0);
        for (int i = local_entrystart; i < local_entrystop; i++) {
            int start = byteoffsets.get(i) + skipbytes;
            byte[] entry = new byte[byteoffsets.get(i + 1) - start];
            buffer.position(start);
            buffer.get(entry);
            out.put(entry);
        }
        buffer.position(0);
        out.position(0);
        return new RawArray(out);
    }

    @Override
    public Object toArray(boolean bigEndian) {
        byte[] out = new byte[buffer.limit() - buffer.position()];
        buffer.get(out);
        return out;
    }

    @Override
    protected Array make(ByteBuffer out) {
        return new RawArray(out);
    }

    @Override
    public Array subarray() {
        throw new UnsupportedOperationException("RawArray is not subarrayable");
    }

    public byte getByte(int i) {
        return buffer.get(i);
    }

    public byte[] getLongBytes(int i) {
        byte[] out = new byte[8];
        int position = buffer.position();
        buffer.get(out, i, 8);
        buffer.position(position);
        return out;
    }

    public long getLong(int i) {
        return buffer.getLong(i);
    }
}
