package edu.vanderbilt.accre.laurelin.root_proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * The few package-private facts of Laurelin's core that our reader needs (the file's keys, a branch
 * element's streamer type, the raw branch list). Lives in Laurelin's package because those members
 * are package-private; it only reads them.
 */
public final class LaurelinAccess {
    private LaurelinAccess() {}

    /** One top-level key of a file: name and class name (e.g. "Delphes", "TTree"). */
    public record Key(String name, String className) {}

    /** A leaf branch as the file declares it, whether or not Laurelin can read it. */
    public record RawLeaf(String branchName, String leafClass, String leafTitle) {}

    public static List<Key> keys(TFile file) {
        List<Key> out = new ArrayList<>();
        List<TKey> keys = file.directory != null && file.directory.subkeys != null ? file.directory.subkeys : file.keys;
        if (keys != null) {
            for (TKey k : keys) {
                out.add(new Key(k.fName, k.fClassName));
            }
        }
        return out;
    }

    public static long declaredEnd(TFile file) {
        return file.fEND;
    }

    /** fStreamerType of a TBranchElement (a TStreamerInfo type code), or null for a plain TBranch. */
    public static Integer streamerType(TBranch branch) {
        ProxyElement<Object> e = branch.data.getScalar("fStreamerType");
        return e == null ? null : ((Number) e.getVal()).intValue();
    }

    /** Every leaf branch declared under the given TTree proxy, depth first. */
    public static List<RawLeaf> rawLeaves(Proxy tree) {
        List<RawLeaf> out = new ArrayList<>();
        collect(tree.getProxy("fBranches"), out);
        return out;
    }

    private static void collect(Proxy branches, List<RawLeaf> out) {
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
            out.add(new RawLeaf(name, leafClass, leafTitle));
        }
    }
}
