package io.dltrigger.bridge.root;

import io.dltrigger.shaded.laurelin.root_proxy.TBranch;
import java.util.ArrayList;
import java.util.List;

/** Exposes a tree's Laurelin branches to the benchmark (basket seeks and sizes for the decompression bound). */
public final class RootTreeAccess {
    private RootTreeAccess() {}

    public static List<TBranch> tbranches(RootTree tree, List<String> names) throws RootFormatException {
        List<TBranch> out = new ArrayList<>();
        for (String n : names) {
            out.add(tree.laurelinBranch(n));
        }
        return out;
    }
}
