package io.dltrigger.generator.rootio;

import java.util.ArrayList;
import java.util.List;

/**
 * A branch of the Delphes tree, in one of the three shapes Delphes writes:
 * <ul>
 *   <li>{@link Kind#CLONES}: a split TClonesArray ({@code Jet}, a TBranchElement of fType 3) whose entries hold
 *       the number of objects, with one sub-branch per member;</li>
 *   <li>{@link Kind#MEMBER}: one member of the objects ({@code Jet.PT}, TBranchElement of fType 31, title
 *       {@code PT[Jet_]}), counted by its parent's leaf {@code Jet_};</li>
 *   <li>{@link Kind#SIZE}: a plain TBranch with one Int_t leaf ({@code Jet_size/I}) repeating the count.</li>
 * </ul>
 */
final class Branch {
    enum Kind {
        CLONES,
        MEMBER,
        SIZE
    }

    final Kind kind;
    final String name;
    final String title;
    final BranchData data;
    final List<Branch> members = new ArrayList<>();
    final Leaf leaf;
    /** CLONES: the class in the TClonesArray. MEMBER: the class declaring the member. */
    final ClassLayout objectClass;
    /** MEMBER: its parent CLONES branch (fBranchCount). */
    final Branch parent;
    /** MEMBER: the index of the member in {@link #objectClass}'s elements (fID). */
    final int elementIndex;
    /** MEMBER: ROOT's type code of the member (fStreamerType). */
    final int streamerType;
    /** CLONES and SIZE: the largest count written (TBranchElement's fMaximum, TLeafI's fMaximum). */
    int maximum;

    private Branch(
            Kind kind,
            String name,
            String title,
            BranchData data,
            Leaf leaf,
            ClassLayout objectClass,
            Branch parent,
            int elementIndex,
            int streamerType) {
        this.kind = kind;
        this.name = name;
        this.title = title;
        this.data = data;
        this.leaf = leaf;
        this.objectClass = objectClass;
        this.parent = parent;
        this.elementIndex = elementIndex;
        this.streamerType = streamerType;
    }

    /** {@code Jet}: entries are the object count (an Int_t each, with entry offsets as ROOT writes them). */
    static Branch clones(String collection, ClassLayout objectClass) {
        Leaf leaf = Leaf.element(collection + "_", collection + "_", 0, false, null, 0, -1);
        return new Branch(
                Kind.CLONES, collection, collection + "_", new BranchData(true, 0), leaf, objectClass, null, 0, -1);
    }

    /** {@code Jet.PT} in {@code parent}: entries are the member's values for the entry's objects. */
    static Branch member(Branch parent, String member) {
        ClassLayout c = parent.objectClass;
        int index = c.indexOf(member);
        StreamerElement e = c.elements().get(index);
        String name = parent.name + "." + member;
        String title = member + "[" + parent.leaf.name + "]";
        Leaf leaf =
                Leaf.element(name, title, e.size(), e.type() == StreamerElement.K_UINT, parent.leaf, index, e.type());
        Branch b = new Branch(Kind.MEMBER, name, title, new BranchData(true, 0), leaf, c, parent, index, e.type());
        parent.members.add(b);
        return b;
    }

    /** {@code Jet_size/I}. */
    static Branch size(String collection) {
        String name = collection + "_size";
        return new Branch(Kind.SIZE, name, name + "/I", new BranchData(false, 4), Leaf.int32(name), null, null, 0, 0);
    }

    /** Counts a written object count toward the branch's maximum. */
    void count(int n) {
        if (n > maximum) {
            maximum = n;
        }
    }

    /** A leaf (TLeafElement or TLeafI); an identity object, since other leaves refer to it. */
    static final class Leaf {
        final String rootClass;
        final String name;
        final String title;
        final int lenType;
        final boolean unsigned;
        final Leaf count;
        final int elementIndex;
        final int type;

        private Leaf(
                String rootClass,
                String name,
                String title,
                int lenType,
                boolean unsigned,
                Leaf count,
                int elementIndex,
                int type) {
            this.rootClass = rootClass;
            this.name = name;
            this.title = title;
            this.lenType = lenType;
            this.unsigned = unsigned;
            this.count = count;
            this.elementIndex = elementIndex;
            this.type = type;
        }

        static Leaf element(String name, String title, int lenType, boolean unsigned, Leaf count, int index, int type) {
            return new Leaf("TLeafElement", name, title, lenType, unsigned, count, index, type);
        }

        static Leaf int32(String name) {
            return new Leaf("TLeafI", name, name, 4, false, null, 0, StreamerElement.K_INT);
        }
    }
}
