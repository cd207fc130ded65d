package io.dltrigger.shaded.laurelin.interpretation;

import java.nio.ByteBuffer;

import org.slf4j.LoggerFactory;

import io.dltrigger.shaded.laurelin.array.Array;
import io.dltrigger.shaded.laurelin.array.JaggedArray;
import io.dltrigger.shaded.laurelin.array.PrimitiveArray;
import io.dltrigger.shaded.laurelin.array.PrimitiveArray.Int4;
import io.dltrigger.shaded.laurelin.array.RawArray;

public class AsJagged implements Interpretation {
    private static final org.slf4j.Logger logger = LoggerFactory.getLogger(AsJagged.class);

    Interpretation content;
    int skipbytes;

    public AsJagged(Interpretation content) {
        this.content = content;
        this.skipbytes = 0;
    }

    public AsJagged(Interpretation content, int skipbytes) {
        this.content = content;
        this.skipbytes = skipbytes;
    }

    public Interpretation content() {
        return this.content;
    }

    @Override
    public int disk_itemsize() {
        return this.content.disk_itemsize();
    }

    @Override
    public int memory_itemsize() {
        return this.content.memory_itemsize();
    }

    @Override
    public Array empty() {
        return new JaggedArray(this, 0, new PrimitiveArray.Int4(new AsDtype(AsDtype.Dtype.INT4), 0), this.content.empty());
    }

    @Override
    public int numitems(int numbytes, int numentries) {
        return this.content.numitems(numbytes - numentries * this.skipbytes, numentries);
    }

    @Override
    public int source_numitems(Array source) {
        return this.content.source_numitems(((JaggedArray)source).content());
    }

    @Override
    public Array fromroot(RawArray bytedata, PrimitiveArray.Int4 byteoffsets, int local_entrystart, int local_entrystop) {
        RawArray compact = bytedata.compact(byteoffsets, this.skipbytes, local_entrystart, local_entrystop);

        int innersize_memory = ((AsDtype)this.content).memory_itemsize() * ((AsDtype)this.content).multiplicity();
        ByteBuffer countsbuf = ByteBuffer.allocate((local_entrystop - local_entrystart) * 4);

        int start = (byteoffsets.get(local_entrystart) - local_entrystart * this.skipbytes) / innersize_memory;
        int stop = (byteoffsets.get(local_entrystop) - local_entrystop * this.skipbytes) / innersize_memory;

        for (int i = local_entrystart;  i < local_entrystop;  ++i) {
            int count = ((byteoffsets.get(i + 1) - byteoffsets.get(i)) - this.skipbytes) / innersize_memory;
            countsbuf.putInt(count);
        }
        countsbuf.position(0);
        PrimitiveArray.Int4 counts = new PrimitiveArray.Int4(new RawArray(countsbuf));

        Array content;
        // Array content = this.content.fromroot(compact, null, start, stop);
        if (this.skipbytes > 0) {
            content = this.content.fromroot(compact, null, 0, stop - start);
        } else {
            content = this.content.fromroot(compact, null, start, stop);
        }
        return new JaggedArray(this, local_entrystop - local_entrystart, counts, content);
    }

    @Override
    public Array destination(int numitems, int numentries) {
        PrimitiveArray.Int4 counts = new PrimitiveArray.Int4(new AsDtype(AsDtype.Dtype.INT4), numentries);
        Array content = this.content.destination(numitems, numentries);
        return new JaggedArray(this, numentries, counts, content);
    }

    @Override
    public void fill(Array source, Array destination, int itemstart, int itemstop, int entrystart, int entrystop) {
        this.content.fill(((JaggedArray)source).content(), ((JaggedArray)destination).content(), itemstart, itemstop, entrystart, entrystop);
        ((JaggedArray)destination).counts().copyitems(((JaggedArray)source).counts(), entrystart, entrystop);
    }

    @Override
    public Array clip(Array destination, int entrystart, int entrystop) {
        PrimitiveArray.Int4 counts = (PrimitiveArray.Int4)(((JaggedArray)destination).counts().clip(entrystart, entrystop));
        // FIXME: does the content need to be explicitly clipped? Does that involve a cumsum?
        Array content = ((JaggedArray)destination).content();
        return new JaggedArray(this, counts.length(), counts, content);
    }

    @Override
    public Interpretation subarray() {
        return this.content();
    }

    @Override
    public RawArray convertBufferDiskToMemory(RawArray source) {
        return subarray().convertBufferDiskToMemory(source);
    }

    @Override
    public Int4 convertOffsetDiskToMemory(Int4 source) {
        throw new RuntimeException("Bad offset");
    }

    @Override
    public Array finalize(Array destination) {
        throw new RuntimeException("Purposely unimplemented");
    }

}
