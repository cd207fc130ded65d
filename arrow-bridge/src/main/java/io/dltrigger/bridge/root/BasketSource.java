package io.dltrigger.bridge.root;

import edu.vanderbilt.accre.laurelin.array.ArrayBuilder;
import edu.vanderbilt.accre.laurelin.array.RawArray;
import edu.vanderbilt.accre.laurelin.root_proxy.ROOTFile;
import edu.vanderbilt.accre.laurelin.spark_ttree.SlimTBranch;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Hands a branch's baskets to Laurelin's ArrayBuilder from the already open file. Unlike Laurelin's own
 * callback it keeps no process-wide cache of decompressed baskets (each chunk decodes its baskets once,
 * and a benchmark measures real decoding) and it does not reopen the file by path.
 */
final class BasketSource implements ArrayBuilder.GetBasket {
    private final SlimTBranch branch;
    private final ROOTFile file;

    BasketSource(SlimTBranch branch, ROOTFile file) {
        this.branch = branch;
        this.file = file;
    }

    @Override
    public ArrayBuilder.BasketKey basketkey(int i) {
        SlimTBranch.SlimTBasket b = branch.getBasket(i);
        b.initializeMetadata(file);
        return new ArrayBuilder.BasketKey(b.getKeyLen(), b.getLast(), b.getObjLen());
    }

    @Override
    public RawArray dataWithoutKey(int i) {
        try {
            return new RawArray(branch.getBasket(i).getPayload(file));
        } catch (IOException e) {
            throw new UncheckedIOException("basket " + i + " of " + branch.getPath() + ": " + e.getMessage(), e);
        }
    }
}
