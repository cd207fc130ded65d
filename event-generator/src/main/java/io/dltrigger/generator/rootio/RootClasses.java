package io.dltrigger.generator.rootio;

import static io.dltrigger.generator.rootio.StreamerElement.K_BITS;
import static io.dltrigger.generator.rootio.StreamerElement.K_BOOL;
import static io.dltrigger.generator.rootio.StreamerElement.K_COUNTER;
import static io.dltrigger.generator.rootio.StreamerElement.K_DOUBLE;
import static io.dltrigger.generator.rootio.StreamerElement.K_FLOAT;
import static io.dltrigger.generator.rootio.StreamerElement.K_INT;
import static io.dltrigger.generator.rootio.StreamerElement.K_LONG64;
import static io.dltrigger.generator.rootio.StreamerElement.K_SHORT;
import static io.dltrigger.generator.rootio.StreamerElement.K_UCHAR;
import static io.dltrigger.generator.rootio.StreamerElement.K_UINT;
import static io.dltrigger.generator.rootio.StreamerElement.base;
import static io.dltrigger.generator.rootio.StreamerElement.basic;
import static io.dltrigger.generator.rootio.StreamerElement.countedArray;
import static io.dltrigger.generator.rootio.StreamerElement.object;
import static io.dltrigger.generator.rootio.StreamerElement.objectAny;
import static io.dltrigger.generator.rootio.StreamerElement.pointer;
import static io.dltrigger.generator.rootio.StreamerElement.tstring;

import java.util.List;

/**
 * The layouts of the ROOT classes a TTree file needs in its StreamerInfo record, at the versions ROOT 6.32
 * writes (the ones in the Delphes 3 reference file). Readers use them to decode the TTree, TBranch and TLeaf
 * objects; the checksums they produce are checked against ROOT's in the tests.
 */
final class RootClasses {
    static final ClassLayout TOBJECT = new ClassLayout(
            "TObject",
            1,
            List.of(
                    basic("fUniqueID", "object unique identifier", K_UINT, "unsigned int"),
                    basic("fBits", "bit field status word", K_BITS, "unsigned int")));
    static final ClassLayout TNAMED = new ClassLayout(
            "TNamed",
            1,
            List.of(
                    base(TOBJECT, "Basic ROOT object"),
                    tstring("fName", "object identifier"),
                    tstring("fTitle", "object title")));
    static final ClassLayout TCOLLECTION = new ClassLayout(
            "TCollection",
            3,
            List.of(
                    base(TOBJECT, "Basic ROOT object"),
                    tstring("fName", "name of the collection"),
                    basic("fSize", "number of elements in collection", K_COUNTER, "int")));
    static final ClassLayout TSEQCOLLECTION = new ClassLayout(
            "TSeqCollection",
            0,
            List.of(base(TCOLLECTION, "Collection abstract base class")),
            List.of(basic("fSorted", "true if collection has been sorted", K_BOOL, "bool")));
    static final ClassLayout TLIST =
            new ClassLayout("TList", 5, List.of(base(TSEQCOLLECTION, "Sequenceable collection ABC")));
    static final ClassLayout TOBJARRAY = new ClassLayout(
            "TObjArray",
            3,
            List.of(
                    base(TSEQCOLLECTION, "Sequenceable collection ABC"),
                    basic("fLowerBound", "Lower bound of the array", K_INT, "int"),
                    basic("fLast", "Last element in array containing an object", K_INT, "int")));
    static final ClassLayout TCLONESARRAY =
            new ClassLayout("TClonesArray", 4, List.of(base(TOBJARRAY, "An array of objects")));
    static final ClassLayout TSTRING = new ClassLayout("TString", 2, List.of());

    static final ClassLayout TATTLINE = new ClassLayout(
            "TAttLine",
            2,
            List.of(
                    basic("fLineColor", "Line color", K_SHORT, "short"),
                    basic("fLineStyle", "Line style", K_SHORT, "short"),
                    basic("fLineWidth", "Line width", K_SHORT, "short")));
    static final ClassLayout TATTFILL = new ClassLayout(
            "TAttFill",
            2,
            List.of(
                    basic("fFillColor", "Fill area color", K_SHORT, "short"),
                    basic("fFillStyle", "Fill area style", K_SHORT, "short")));
    static final ClassLayout TATTMARKER = new ClassLayout(
            "TAttMarker",
            2,
            List.of(
                    basic("fMarkerColor", "Marker color", K_SHORT, "short"),
                    basic("fMarkerStyle", "Marker style", K_SHORT, "short"),
                    basic("fMarkerSize", "Marker size", K_FLOAT, "float")));
    static final ClassLayout TIOFEATURES =
            new ClassLayout("ROOT::TIOFeatures", 1, List.of(basic("fIOBits", "", K_UCHAR, "unsigned char")));

    static final ClassLayout TTREE = new ClassLayout(
            "TTree",
            20,
            List.of(
                    base(TNAMED, "The basis for a named object (name, title)"),
                    base(TATTLINE, "Line attributes"),
                    base(TATTFILL, "Fill area attributes"),
                    base(TATTMARKER, "Marker attributes"),
                    basic("fEntries", "Number of entries", K_LONG64, "Long64_t"),
                    basic(
                            "fTotBytes",
                            "Total number of bytes in all branches before compression",
                            K_LONG64,
                            "Long64_t"),
                    basic("fZipBytes", "Total number of bytes in all branches after compression", K_LONG64, "Long64_t"),
                    basic("fSavedBytes", "Number of autosaved bytes", K_LONG64, "Long64_t"),
                    basic("fFlushedBytes", "Number of auto-flushed bytes", K_LONG64, "Long64_t"),
                    basic("fWeight", "Tree weight (see TTree::SetWeight)", K_DOUBLE, "double"),
                    basic("fTimerInterval", "Timer interval in milliseconds", K_INT, "int"),
                    basic("fScanField", "Number of runs before prompting in Scan", K_INT, "int"),
                    basic("fUpdate", "Update frequency for EntryLoop", K_INT, "int"),
                    basic(
                            "fDefaultEntryOffsetLen",
                            "Initial Length of fEntryOffset table in the basket buffers",
                            K_INT,
                            "int"),
                    basic(
                            "fNClusterRange",
                            "Number of Cluster range in addition to the one defined by 'AutoFlush'",
                            K_COUNTER,
                            "int"),
                    basic("fMaxEntries", "Maximum number of entries in case of circular buffers", K_LONG64, "Long64_t"),
                    basic("fMaxEntryLoop", "Maximum number of entries to process", K_LONG64, "Long64_t"),
                    basic("fMaxVirtualSize", "Maximum total size of buffers kept in memory", K_LONG64, "Long64_t"),
                    basic(
                            "fAutoSave",
                            "Autosave tree when fAutoSave entries written or -fAutoSave (compressed) bytes"
                                    + " produced",
                            K_LONG64,
                            "Long64_t"),
                    basic(
                            "fAutoFlush",
                            "Auto-flush tree when fAutoFlush entries written or -fAutoFlush (compressed)"
                                    + " bytes produced",
                            K_LONG64,
                            "Long64_t"),
                    basic("fEstimate", "Number of entries to estimate histogram limits", K_LONG64, "Long64_t"),
                    countedArray(
                            "fClusterRangeEnd",
                            "[fNClusterRange] Last entry of a cluster range.",
                            K_LONG64,
                            "Long64_t*",
                            "fNClusterRange",
                            "TTree",
                            20),
                    countedArray(
                            "fClusterSize",
                            "[fNClusterRange] Number of entries in each cluster for a given range.",
                            K_LONG64,
                            "Long64_t*",
                            "fNClusterRange",
                            "TTree",
                            20),
                    objectAny(
                            "fIOFeatures",
                            "IO features to define for newly-written baskets and branches.",
                            "ROOT::TIOFeatures",
                            1),
                    object("fBranches", "List of Branches", "TObjArray", 64),
                    object("fLeaves", "Direct pointers to individual branch leaves", "TObjArray", 64),
                    pointer("fAliases", "List of aliases for expressions based on the tree branches.", "TList*"),
                    objectAny("fIndexValues", "Sorted index values", "TArrayD", 24),
                    objectAny("fIndex", "Index of sorted values", "TArrayI", 24),
                    pointer("fTreeIndex", "Pointer to the tree Index (if any)", "TVirtualIndex*"),
                    pointer("fFriends", "pointer to list of friend elements", "TList*"),
                    pointer("fUserInfo", "pointer to a list of user objects associated to this Tree", "TList*"),
                    pointer("fBranchRef", "Branch supporting the TRefTable (if any)", "TBranchRef*")));

    static final ClassLayout TBRANCH = new ClassLayout(
            "TBranch",
            13,
            List.of(
                    base(TNAMED, "The basis for a named object (name, title)"),
                    base(TATTFILL, "Fill area attributes"),
                    basic("fCompress", "Compression level and algorithm", K_INT, "int"),
                    basic("fBasketSize", "Initial Size of  Basket Buffer", K_INT, "int"),
                    basic(
                            "fEntryOffsetLen",
                            "Initial Length of fEntryOffset table in the basket buffers",
                            K_INT,
                            "int"),
                    basic("fWriteBasket", "Last basket number written", K_INT, "int"),
                    basic(
                            "fEntryNumber",
                            "Current entry number (last one filled in this branch)",
                            K_LONG64,
                            "Long64_t"),
                    objectAny("fIOFeatures", "IO features for newly-created baskets.", "ROOT::TIOFeatures", 1),
                    basic("fOffset", "Offset of this branch", K_INT, "int"),
                    basic("fMaxBaskets", "Maximum number of Baskets so far", K_COUNTER, "int"),
                    basic("fSplitLevel", "Branch split level", K_INT, "int"),
                    basic("fEntries", "Number of entries", K_LONG64, "Long64_t"),
                    basic("fFirstEntry", "Number of the first entry in this branch", K_LONG64, "Long64_t"),
                    basic("fTotBytes", "Total number of bytes in all leaves before compression", K_LONG64, "Long64_t"),
                    basic("fZipBytes", "Total number of bytes in all leaves after compression", K_LONG64, "Long64_t"),
                    object("fBranches", "-> List of Branches of this branch", "TObjArray", 64),
                    object("fLeaves", "-> List of leaves of this branch", "TObjArray", 64),
                    object("fBaskets", "-> List of baskets of this branch", "TObjArray", 64),
                    countedArray(
                            "fBasketBytes",
                            "[fMaxBaskets] Length of baskets on file",
                            K_INT,
                            "int*",
                            "fMaxBaskets",
                            "TBranch",
                            13),
                    countedArray(
                            "fBasketEntry",
                            "[fMaxBaskets] Table of first entry in each basket",
                            K_LONG64,
                            "Long64_t*",
                            "fMaxBaskets",
                            "TBranch",
                            13),
                    countedArray(
                            "fBasketSeek",
                            "[fMaxBaskets] Addresses of baskets on file",
                            K_LONG64,
                            "Long64_t*",
                            "fMaxBaskets",
                            "TBranch",
                            13),
                    tstring(
                            "fFileName",
                            "Name of file where buffers are stored (\"\" if in same file as Tree header)")));

    static final ClassLayout TBRANCHELEMENT = new ClassLayout(
            "TBranchElement",
            10,
            List.of(
                    base(TBRANCH, "Branch descriptor"),
                    tstring("fClassName", "Class name of referenced object"),
                    tstring("fParentName", "Name of parent class"),
                    tstring("fClonesName", "Name of class in TClonesArray (if any)"),
                    basic("fCheckSum", "CheckSum of class", K_UINT, "unsigned int"),
                    basic("fClassVersion", "Version number of class", K_SHORT, "short"),
                    basic("fID", "element serial number in fInfo", K_INT, "int"),
                    basic("fType", "Branch type", K_INT, "int"),
                    basic("fStreamerType", "branch streamer type", K_INT, "int"),
                    basic("fMaximum", "Maximum entries for a TClonesArray or variable array", K_INT, "int"),
                    pointer("fBranchCount", "pointer to primary branchcount branch", "TBranchElement*"),
                    pointer("fBranchCount2", "pointer to secondary branchcount branch", "TBranchElement*")));

    static final ClassLayout TLEAF = new ClassLayout(
            "TLeaf",
            2,
            List.of(
                    base(TNAMED, "The basis for a named object (name, title)"),
                    basic("fLen", "Number of fixed length elements in the leaf's data.", K_INT, "int"),
                    basic("fLenType", "Number of bytes for this data type", K_INT, "int"),
                    basic("fOffset", "Offset in ClonesArray object (if one)", K_INT, "int"),
                    basic(
                            "fIsRange",
                            "(=true if leaf has a range, false otherwise).  This is equivalent to being a"
                                    + " 'leafcount'.  For a TLeafElement the range information is actually store in the"
                                    + " TBranchElement.",
                            K_BOOL,
                            "bool"),
                    basic("fIsUnsigned", "(=true if unsigned, false otherwise)", K_BOOL, "bool"),
                    pointer(
                            "fLeafCount",
                            "Pointer to Leaf count if variable length (we do not own the counter)",
                            "TLeaf*")));
    static final ClassLayout TLEAFELEMENT = new ClassLayout(
            "TLeafElement",
            1,
            List.of(
                    base(TLEAF, "Leaf: description of a Branch data type"),
                    basic("fID", "element serial number in fInfo", K_INT, "int"),
                    basic("fType", "leaf type", K_INT, "int")));
    static final ClassLayout TLEAFI = new ClassLayout(
            "TLeafI",
            1,
            List.of(
                    base(TLEAF, "Leaf: description of a Branch data type"),
                    basic("fMinimum", "Minimum value if leaf range is specified", K_INT, "int"),
                    basic("fMaximum", "Maximum value if leaf range is specified", K_INT, "int")));

    /** Every ROOT class above, in the order the reference Delphes file lists them. */
    static final List<ClassLayout> ALL = List.of(
            TNAMED,
            TOBJECT,
            TLIST,
            TSEQCOLLECTION,
            TCOLLECTION,
            TCLONESARRAY,
            TOBJARRAY,
            TSTRING,
            TTREE,
            TATTLINE,
            TATTFILL,
            TATTMARKER,
            TIOFEATURES,
            TBRANCHELEMENT,
            TBRANCH,
            TLEAFELEMENT,
            TLEAF,
            TLEAFI);

    private RootClasses() {}
}
