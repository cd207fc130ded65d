package io.dltrigger.bridge.root;

import io.dltrigger.shaded.laurelin.root_proxy.Proxy;
import io.dltrigger.shaded.laurelin.root_proxy.TBranch;
import io.dltrigger.shaded.laurelin.root_proxy.TFile;
import io.dltrigger.shaded.laurelin.root_proxy.TTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** A TTree: its leaf branches, chunk planning, and reading entry ranges of branches into Arrow. */
public final class RootTree {
    private final RootFile file;
    private final String name;
    private final long entries;
    private final Map<String, TBranch> readable = new LinkedHashMap<>();
    private final Map<String, BranchInfo> branches = new LinkedHashMap<>();
    private final Map<String, long[]> basketEntryOffsets = new HashMap<>();

    RootTree(RootFile file, TFile tfile, Proxy proxy) {
        this.file = file;
        TTree tree = new TTree(proxy, tfile);
        this.name = tree.getName();
        this.entries = tree.getEntries();
        collectLeaves(tree.getBranches());
        // Laurelin drops branches it cannot parse (e.g. char* strings); list them as unsupported so
        // that nothing disappears silently.
        for (DeclaredLeaves.Leaf raw : DeclaredLeaves.of(proxy)) {
            branches.computeIfAbsent(
                    raw.branchName(),
                    n -> BranchInfo.unsupported(
                            n,
                            raw.leafTitle(),
                            raw.leafClass() + " '" + raw.leafTitle() + "' is not decoded by Laurelin"));
        }
    }

    private void collectLeaves(List<TBranch> level) {
        for (TBranch b : level) {
            if (!b.getBranches().isEmpty()) {
                collectLeaves(b.getBranches());
                continue;
            }
            BranchInfo info = BranchTypes.describe(b);
            branches.put(info.name(), info);
            if (info.supported()) {
                readable.put(info.name(), b);
            }
        }
    }

    public String name() {
        return name;
    }

    public long entries() {
        return entries;
    }

    /** Every leaf branch, readable or not, in file order. */
    public List<BranchInfo> branches() {
        return List.copyOf(branches.values());
    }

    public BranchInfo branch(String branchName) throws RootFormatException {
        BranchInfo info = branches.get(branchName);
        if (info == null) {
            throw new RootFormatException(file.location(), "tree '" + name + "' has no branch '" + branchName + "'");
        }
        return info;
    }

    /** Fails naming every branch in the list that the tree lacks. */
    public void requireBranches(List<String> names) throws RootFormatException {
        List<String> missing =
                names.stream().filter(n -> !branches.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new RootFormatException(file.location(), "tree '" + name + "' lacks required branches " + missing);
        }
    }

    /** Entry ranges of about {@code targetEvents} that start and end on basket boundaries of all branches. */
    public List<EntryRange> planChunks(List<String> branchNames, long targetEvents) throws RootFormatException {
        List<long[]> offsets = new ArrayList<>();
        for (String n : branchNames) {
            offsets.add(basketEntryOffsets(n));
        }
        return ChunkPlanner.plan(entries, offsets, targetEvents);
    }

    /**
     * Reads the branches over the range into a new root (the caller closes it). Fails with
     * {@code StorageException} if the bytes cannot be fetched, {@link RootFormatException} if they are bad.
     */
    public VectorSchemaRoot read(List<String> branchNames, EntryRange range, BufferAllocator allocator)
            throws IOException {
        if (range.stop() > entries) {
            throw new RootFormatException(
                    file.location(),
                    "entry range " + range + " beyond the " + entries + " entries of tree '" + name + "'");
        }
        List<FieldVector> vectors = new ArrayList<>(branchNames.size());
        try {
            for (String n : branchNames) {
                vectors.add(BranchColumns.read(
                        tbranch(n), basketEntryOffsets(n), file.bytes(), branches.get(n), range, allocator));
            }
            VectorSchemaRoot root = new VectorSchemaRoot(vectors);
            root.setRowCount((int) range.size());
            return root;
        } catch (RootFormatException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw RootFile.failure(
                    file.location(),
                    "cannot decode entries " + range.start() + "-" + range.stop() + " of tree '" + name
                            + "' (corrupt data)",
                    "basket",
                    e);
        }
    }

    /** The Arrow schema {@link #read} produces for these branches. */
    public Schema schema(List<String> branchNames) throws RootFormatException {
        List<Field> fields = new ArrayList<>();
        for (String n : branchNames) {
            tbranch(n);
            fields.add(BranchColumns.field(branches.get(n)));
        }
        return new Schema(fields);
    }

    /** First entry of each basket, then the tree's entry count (Laurelin builds a new array per call). */
    private long[] basketEntryOffsets(String branchName) throws RootFormatException {
        TBranch b = tbranch(branchName);
        return basketEntryOffsets.computeIfAbsent(branchName, n -> b.getBasketEntryOffsets());
    }

    TBranch laurelinBranch(String branchName) throws RootFormatException {
        return tbranch(branchName);
    }

    private TBranch tbranch(String branchName) throws RootFormatException {
        BranchInfo info = branch(branchName);
        if (!info.supported()) {
            throw new UnsupportedBranchException(file.location(), info);
        }
        return readable.get(branchName);
    }
}
