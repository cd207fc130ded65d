package io.dltrigger.bridge.root;

import io.dltrigger.shaded.laurelin.root_proxy.Proxy;
import io.dltrigger.shaded.laurelin.root_proxy.ProxyArray;
import java.util.ArrayList;
import java.util.List;

/**
 * Every leaf branch a TTree declares, read from its streamed record. Laurelin's TTree drops the branches
 * it cannot parse (e.g. {@code char*} strings); this list keeps them, so that none disappears silently.
 */
final class DeclaredLeaves {
    /** A leaf branch as the file declares it, whether or not Laurelin can read it. */
    record Leaf(String branchName, String leafClass, String leafTitle) {}

    private DeclaredLeaves() {}

    /** Depth first, in file order. */
    static List<Leaf> of(Proxy tree) {
        List<Leaf> out = new ArrayList<>();
        collect(tree.getProxy("fBranches"), out);
        return out;
    }

    private static void collect(Proxy branches, List<Leaf> out) {
        if (!(branches instanceof ProxyArray array)) {
            return;
        }
        for (Proxy b : array) {
            Proxy sub = b.getProxy("fBranches");
            if (sub instanceof ProxyArray subs && subs.iterator().hasNext()) {
                collect(sub, out);
                continue;
            }
            String name = String.valueOf(b.getScalar("fName").getVal());
            String leafClass = "?";
            String leafTitle = "";
            if (b.getProxy("fLeaves") instanceof ProxyArray leaves
                    && leaves.iterator().hasNext()) {
                Proxy leaf = leaves.iterator().next();
                leafClass = leaf.getClassName();
                leafTitle = String.valueOf(leaf.getScalar("fTitle").getVal());
            }
            out.add(new Leaf(name, leafClass, leafTitle));
        }
    }
}
