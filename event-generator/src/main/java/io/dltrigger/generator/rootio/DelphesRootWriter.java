package io.dltrigger.generator.rootio;

import io.dltrigger.generator.event.CollectionSpec;
import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.event.DelphesLayout;
import io.dltrigger.generator.event.Member;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link DelphesEvent}s as a ROOT file laid out as Delphes writes its trees: tree {@code Delphes},
 * one split TClonesArray branch per collection ({@code Jet}, with sub-branches {@code Jet.PT}, ...) and its
 * {@code Jet_size} counter, plus {@code Event} with {@code Event.Number}. Baskets are zlib-compressed and cut
 * by size and by cluster ({@link WriterOptions}).
 *
 * <p>The file is written under a hidden temporary name in the target's directory ({@code .NAME.inprogress})
 * and renamed to the target by {@link #close()}, so a directory watcher never sees half a file; an existing
 * target is replaced. If a write fails, close deletes the temporary file and publishes nothing.
 * Not thread-safe.
 */
public final class DelphesRootWriter implements AutoCloseable {
    static final String TREE_TITLE = "Analysis tree";

    private final Path target;
    private final Path temp;
    private final WriterOptions options;
    private final RootFileWriter file;
    private final ZlibBlocks zip;
    private final DelphesClasses classes;
    private final List<Branch> branches = new ArrayList<>();
    private final Branch eventBranch;
    private final Branch eventNumber;
    private final Branch eventSize;
    private final List<Collection> collections = new ArrayList<>();
    private final int[] counts;
    private long entries;
    private boolean failed;
    private boolean closed;

    /** A collection's branches, and its members' arrays for the event being written. */
    private record Collection(CollectionSpec spec, Branch clones, Branch size, Branch[] members, Object[] values) {}

    public DelphesRootWriter(Path target, WriterOptions options) throws IOException {
        this(target, options, DelphesLayout.COLLECTIONS);
    }

    DelphesRootWriter(Path target, WriterOptions options, List<CollectionSpec> layout) throws IOException {
        this.target = target.toAbsolutePath();
        this.options = options;
        this.temp = this.target.resolveSibling("." + this.target.getFileName() + ".inprogress");
        this.classes = new DelphesClasses(layout);

        eventBranch = Branch.clones("Event", DelphesClasses.EVENT);
        eventNumber = Branch.member(eventBranch, "Number");
        eventSize = Branch.size("Event");
        branches.add(eventBranch);
        branches.add(eventSize);
        for (CollectionSpec c : layout) {
            Branch clones = Branch.clones(c.name(), classes.of(c.name()));
            Branch[] members = new Branch[c.members().size()];
            for (int i = 0; i < members.length; i++) {
                members[i] = Branch.member(clones, c.members().get(i).name());
            }
            Branch size = Branch.size(c.name());
            branches.add(clones);
            branches.add(size);
            collections.add(new Collection(c, clones, size, members, new Object[members.length]));
        }

        this.counts = new int[collections.size()];
        Files.createDirectories(this.target.getParent());
        Files.deleteIfExists(temp); // left by a writer that crashed; never published
        this.file = new RootFileWriter(
                temp, this.target.getFileName().toString(), options.rootCompressSetting(), options.creationTime());
        this.zip = options.compressionLevel() == 0 ? null : new ZlibBlocks(options.compressionLevel());
    }

    /**
     * Appends one event as the tree's next entry.
     *
     * @throws IllegalArgumentException if the event lacks a collection or member of the layout, or holds one
     *     with the wrong array type; nothing of the event is written and the writer stays usable
     * @throws IOException if the file cannot be written; the writer is then failed and close publishes nothing
     */
    public void write(DelphesEvent event) throws IOException {
        if (closed || failed) {
            throw new IllegalStateException("writer of " + target + " is " + (closed ? "closed" : "failed"));
        }
        for (int c = 0; c < counts.length; c++) {
            counts[c] = collect(event, collections.get(c));
        }
        try {
            fill(eventBranch, 4).putInt(1);
            eventBranch.count(1);
            fill(eventNumber, 8).putLong(event.number());
            fill(eventSize, 4).putInt(1);
            eventSize.count(1);
            for (int c = 0; c < counts.length; c++) {
                Collection col = collections.get(c);
                int n = counts[c];
                fill(col.clones, 4).putInt(n);
                col.clones.count(n);
                fill(col.size, 4).putInt(n);
                col.size.count(n);
                for (int m = 0; m < col.members.length; m++) {
                    BranchData d = fill(col.members[m], 4 * n);
                    if (col.values[m] instanceof float[] f) {
                        d.putFloats(f);
                    } else {
                        d.putInts((int[]) col.values[m]);
                    }
                    col.values[m] = null;
                }
            }
            entries++;
            if (entries % options.entriesPerCluster() == 0) {
                flushAll();
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    public long entries() {
        return entries;
    }

    public Path target() {
        return target;
    }

    /** Completes the file and renames it to the target; after a failed write, deletes it instead. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (RootFileWriter f = file;
                ZlibBlocks z = zip) {
            if (failed) {
                return;
            }
            flushAll();
            int treeKey = RootFileWriter.smallKeyLength("TTree", DelphesLayout.TREE, TREE_TITLE);
            RootBuffer tree = new RootBuffer(treeKey, 1 << 16);
            new TreeSerializer(DelphesLayout.TREE, TREE_TITLE, branches, options).write(tree, entries);
            f.writeKeyed("TTree", DelphesLayout.TREE, TREE_TITLE, tree.toByteArray(), z);

            List<ClassLayout> layouts = new ArrayList<>(RootClasses.ALL);
            layouts.addAll(classes.all());
            RootBuffer infos = new RootBuffer(
                    RootFileWriter.smallKeyLength("TList", "StreamerInfo", "Doubly linked list"), 1 << 15);
            StreamerInfoList.write(infos, layouts);
            f.finish(infos.toByteArray(), z);
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        } finally {
            if (failed) {
                Files.deleteIfExists(temp);
            }
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Reads the event's arrays for one collection, checking them before anything is written. */
    private int collect(DelphesEvent event, Collection col) {
        String name = col.spec.name();
        int n;
        try {
            n = event.size(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "event " + event.number() + " for " + target + ": " + e.getMessage()
                            + " (an empty collection must be put with empty arrays)",
                    e);
        }
        List<Member> members = col.spec.members();
        for (int m = 0; m < members.size(); m++) {
            Member member = members.get(m);
            Object v;
            try {
                v = member.integer() ? event.ints(name, member.name()) : event.floats(name, member.name());
            } catch (ClassCastException e) {
                throw new IllegalArgumentException(
                        "event " + event.number() + " for " + target + ": " + name + "." + member.name() + " must be "
                                + (member.integer() ? "int[]" : "float[]"),
                        e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "event " + event.number() + " for " + target + ": " + e.getMessage(), e);
            }
            col.values[m] = v;
        }
        return n;
    }

    /** Makes room for an entry of {@code bytes} in the branch's basket, writing the basket first if full. */
    private BranchData fill(Branch b, int bytes) throws IOException {
        BranchData d = b.data;
        if (d.basketEntries() > 0 && d.size() + bytes > options.basketBytes()) {
            writeBasket(b);
        }
        d.beginEntry(bytes);
        return d;
    }

    private void flushAll() throws IOException {
        for (Branch b : branches) {
            if (b.data.basketEntries() > 0) {
                writeBasket(b);
            }
            for (Branch m : b.members) {
                if (m.data.basketEntries() > 0) {
                    writeBasket(m);
                }
            }
        }
    }

    /** Writes the branch's basket as a TBasket record: 64-bit key, basket header, (compressed) data. */
    private void writeBasket(Branch b) throws IOException {
        BranchData d = b.data;
        int keyLength = RootFileWriter.basketKeyLength(b.name, DelphesLayout.TREE);
        byte[] object = d.finishBasket(keyLength);
        int objectLength = d.objectLength();
        byte[] payload = object;
        int payloadLength = objectLength;
        if (zip != null && zip.compress(object, objectLength, b.streamerType == StreamerElement.K_FLOAT)) {
            payload = zip.output();
            payloadLength = zip.length();
        }
        long seek = file.end();
        RootBuffer key = new RootBuffer(0, keyLength);
        key.i32(keyLength + payloadLength);
        key.i16(1004); // TKey version 4, +1000 for 64-bit positions
        key.i32(objectLength);
        key.i32(file.datime());
        key.i16(keyLength);
        key.i16(d.baskets()); // ROOT stores the basket number as the cycle
        key.i64(seek);
        key.i64(RootFileWriter.BEGIN); // the directory holding the tree
        key.string("TBasket");
        key.string(b.name);
        key.string(DelphesLayout.TREE);
        key.i16(3); // TBasket version
        key.i32(Math.max(options.basketBytes(), keyLength + objectLength)); // fBufferSize
        key.i32(d.nevBufSize());
        key.i32(d.basketEntries()); // fNevBuf
        key.i32(keyLength + d.size()); // fLast: end of the data, where the offset table starts
        key.u8(0); // flag: header only, the data follows
        file.append(ByteBuffer.wrap(key.toByteArray()), ByteBuffer.wrap(payload, 0, payloadLength));
        d.basketWritten(seek, keyLength, keyLength + payloadLength);
    }
}
