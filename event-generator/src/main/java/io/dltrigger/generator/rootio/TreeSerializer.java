package io.dltrigger.generator.rootio;

import java.util.ArrayList;
import java.util.List;

/**
 * Serializes the TTree object (version 20) with its TBranch (13), TBranchElement (10), TLeafElement (1) and
 * TLeafI (1) objects, member by member in the order of their StreamerInfo ({@link RootClasses}).
 */
final class TreeSerializer {
    // fBits as ROOT 6 / Delphes leave them; BIT(22) on branches is kDoNotUseBufferMap.
    private static final int TREE_BITS = 0x03000008;
    private static final int BRANCH_ELEMENT_BITS = 0x03500000;
    private static final int BRANCH_BITS = 0x03400000;
    private static final int OBJECT_BITS = 0x03000000;
    /** Type codes of TBranchElement.fType: a split TClonesArray and one of its members. */
    private static final int CLONES_NODE = 3;

    private static final int CLONES_MEMBER_NODE = 31;

    private final String name;
    private final String title;
    private final List<Branch> branches;
    private final int compress;
    private final int basketBytes;
    private final int entriesPerCluster;

    TreeSerializer(String name, String title, List<Branch> branches, WriterOptions options) {
        this.name = name;
        this.title = title;
        this.branches = branches;
        this.compress = options.rootCompressSetting();
        this.basketBytes = options.basketBytes();
        this.entriesPerCluster = options.entriesPerCluster();
    }

    void write(RootBuffer b, long entries) {
        long totBytes = 0;
        long zipBytes = 0;
        List<Branch.Leaf> leaves = new ArrayList<>();
        for (Branch br : branches) {
            totBytes += br.data.totBytes();
            zipBytes += br.data.zipBytes();
            leaves.add(br.leaf);
            for (Branch m : br.members) {
                totBytes += m.data.totBytes();
                zipBytes += m.data.zipBytes();
                leaves.add(m.leaf);
            }
        }
        int tree = b.begin(20);
        int named = b.begin(1);
        b.tobject(TREE_BITS);
        b.string(name);
        b.string(title);
        b.end(named);
        int line = b.begin(2);
        b.i16(602); // ROOT's default line colour
        b.i16(1);
        b.i16(1);
        b.end(line);
        attFill(b);
        int marker = b.begin(2);
        b.i16(1);
        b.i16(1);
        b.f32(1f);
        b.end(marker);
        b.i64(entries);
        b.i64(totBytes);
        b.i64(zipBytes);
        b.i64(0); // fSavedBytes: never auto-saved
        b.i64(zipBytes); // fFlushedBytes
        b.f64(1.0); // fWeight
        b.i32(0); // fTimerInterval
        b.i32(25); // fScanField
        b.i32(0); // fUpdate
        b.i32(1000); // fDefaultEntryOffsetLen
        b.i32(0); // fNClusterRange: every cluster has fAutoFlush entries
        b.i64(1_000_000_000_000L); // fMaxEntries
        b.i64(1_000_000_000_000L); // fMaxEntryLoop
        b.i64(0); // fMaxVirtualSize
        b.i64(-300_000_000L); // fAutoSave
        b.i64(entriesPerCluster); // fAutoFlush
        b.i64(1_000_000L); // fEstimate
        b.u8(0); // fClusterRangeEnd: no array
        b.u8(0); // fClusterSize: no array
        ioFeatures(b);
        objArray(b, branches, OBJECT_BITS, this::branch);
        objArray(b, leaves, OBJECT_BITS, this::leaf);
        b.i32(0); // fAliases
        b.i32(0); // fIndexValues (empty TArrayD)
        b.i32(0); // fIndex (empty TArrayI)
        b.i32(0); // fTreeIndex
        b.i32(0); // fFriends
        b.i32(0); // fUserInfo
        b.i32(0); // fBranchRef
        b.end(tree);
    }

    private void branch(RootBuffer b, Branch br) {
        if (br.kind == Branch.Kind.SIZE) {
            b.object(br, "TBranch", buf -> branchBase(buf, br, BRANCH_BITS));
            return;
        }
        b.object(br, "TBranchElement", buf -> {
            int element = buf.begin(10);
            branchBase(buf, br, BRANCH_ELEMENT_BITS);
            boolean clones = br.kind == Branch.Kind.CLONES;
            ClassLayout declared = clones ? RootClasses.TCLONESARRAY : br.objectClass;
            buf.string(declared.name()); // fClassName
            buf.string(clones ? "" : br.parent.objectClass.name()); // fParentName
            buf.string(clones ? br.objectClass.name() : ""); // fClonesName
            buf.i32(declared.checksum());
            buf.i16(declared.version());
            buf.i32(clones ? 0 : br.elementIndex); // fID
            buf.i32(clones ? CLONES_NODE : CLONES_MEMBER_NODE); // fType
            buf.i32(clones ? -1 : br.streamerType); // fStreamerType
            buf.i32(clones ? br.maximum : 0); // fMaximum
            buf.object(br.parent, "TBranchElement", unused -> {
                throw new IllegalStateException("a member branch is written after its parent");
            });
            buf.i32(0); // fBranchCount2
            buf.end(element);
        });
    }

    private void branchBase(RootBuffer b, Branch br, int bits) {
        BranchData d = br.data;
        int maxBaskets = d.baskets() + 1;
        int branch = b.begin(13);
        int named = b.begin(1);
        b.tobject(bits);
        b.string(br.name);
        b.string(br.title);
        b.end(named);
        attFill(b);
        b.i32(compress);
        b.i32(basketBytes);
        b.i32(d.entryOffsetLen());
        b.i32(d.baskets()); // fWriteBasket
        b.i64(d.entries()); // fEntryNumber
        ioFeatures(b);
        b.i32(0); // fOffset
        b.i32(maxBaskets);
        b.i32(br.kind == Branch.Kind.CLONES ? 99 : 0); // fSplitLevel
        b.i64(d.entries());
        b.i64(0); // fFirstEntry
        b.i64(d.totBytes());
        b.i64(d.zipBytes());
        objArray(b, br.members, OBJECT_BITS, this::branch);
        objArray(b, List.of(br.leaf), OBJECT_BITS, this::leaf);
        objArray(b, List.<Branch>of(), OBJECT_BITS, this::branch); // fBaskets: all written to the file
        b.u8(1);
        for (int i = 0; i < maxBaskets; i++) {
            b.i32(d.basketBytes(i));
        }
        b.u8(1);
        for (int i = 0; i < maxBaskets; i++) {
            b.i64(d.basketEntry(i));
        }
        b.u8(1);
        for (int i = 0; i < maxBaskets; i++) {
            b.i64(d.basketSeek(i));
        }
        b.string(""); // fFileName: baskets are in this file
        b.end(branch);
    }

    private void leaf(RootBuffer b, Branch.Leaf leaf) {
        Branch owner = ownerOf(leaf);
        b.object(leaf, leaf.rootClass, buf -> {
            int outer = buf.begin(1);
            int base = buf.begin(2);
            int named = buf.begin(1);
            buf.tobject(OBJECT_BITS);
            buf.string(leaf.name);
            buf.string(leaf.title);
            buf.end(named);
            buf.i32(1); // fLen
            buf.i32(leaf.lenType);
            buf.i32(0); // fOffset
            buf.bool(false); // fIsRange
            buf.bool(leaf.unsigned);
            if (leaf.count == null) {
                buf.i32(0);
            } else {
                leaf(buf, leaf.count);
            }
            buf.end(base);
            if (leaf.rootClass.equals("TLeafI")) {
                buf.i32(0); // fMinimum
                buf.i32(owner.maximum);
            } else {
                buf.i32(leaf.elementIndex);
                buf.i32(leaf.type);
            }
            buf.end(outer);
        });
    }

    private Branch ownerOf(Branch.Leaf leaf) {
        for (Branch br : branches) {
            if (br.leaf == leaf) {
                return br;
            }
            for (Branch m : br.members) {
                if (m.leaf == leaf) {
                    return m;
                }
            }
        }
        throw new IllegalStateException("leaf " + leaf.name + " belongs to no branch");
    }

    private static void attFill(RootBuffer b) {
        int fill = b.begin(2);
        b.i16(0);
        b.i16(1001);
        b.end(fill);
    }

    /** ROOT::TIOFeatures, streamed as a foreign class: version 0, its checksum, then fIOBits (none set). */
    private static void ioFeatures(RootBuffer b) {
        int start = b.begin(0);
        b.i32(RootClasses.TIOFEATURES.checksum());
        b.u8(0);
        b.end(start);
    }

    private interface ItemWriter<T> {
        void write(RootBuffer b, T item);
    }

    private static <T> void objArray(RootBuffer b, List<T> items, int bits, ItemWriter<T> writer) {
        int arr = b.begin(3);
        b.tobject(bits);
        b.string("");
        b.i32(items.size());
        b.i32(0); // fLowerBound
        for (T item : items) {
            writer.write(b, item);
        }
        b.end(arr);
    }
}
