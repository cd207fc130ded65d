package io.dltrigger.generator.rootio;

import java.util.List;

/** Serializes class layouts as the file's StreamerInfo record: a TList of TStreamerInfo objects. */
final class StreamerInfoList {
    // fBits as ROOT 6 leaves them on these objects (kNotDeleted, kIsOnHeap, ...); readers ignore them.
    private static final int LIST_BITS = 0x02000000;
    private static final int INFO_BITS = 0x03010000;
    private static final int ELEMENT_BITS = 0x03000000;

    private StreamerInfoList() {}

    static void write(RootBuffer b, List<ClassLayout> classes) {
        int list = b.begin(5);
        b.tobject(LIST_BITS);
        b.string("");
        b.i32(classes.size());
        for (ClassLayout c : classes) {
            b.object(c, "TStreamerInfo", buf -> info(buf, c));
            b.u8(0); // the TList entry's option string, empty
        }
        b.end(list);
    }

    private static void info(RootBuffer b, ClassLayout c) {
        int info = b.begin(9);
        int named = b.begin(1);
        b.tobject(INFO_BITS);
        b.string(c.name());
        b.string("");
        b.end(named);
        b.i32(c.checksum());
        b.i32(c.version());
        b.object(c.elements(), "TObjArray", buf -> {
            int arr = buf.begin(3);
            buf.tobject(LIST_BITS);
            buf.string("");
            buf.i32(c.elements().size());
            buf.i32(0);
            for (StreamerElement e : c.elements()) {
                buf.object(e, e.rootClass(), eb -> element(eb, e));
            }
            buf.end(arr);
        });
        b.end(info);
    }

    private static void element(RootBuffer b, StreamerElement e) {
        int outer = b.begin(
                switch (e.rootClass()) {
                    case "TStreamerBase" -> 3;
                    default -> 2;
                });
        int el = b.begin(4);
        int named = b.begin(1);
        b.tobject(ELEMENT_BITS);
        b.string(e.name());
        b.string(e.title());
        b.end(named);
        b.i32(e.type());
        b.i32(e.size());
        b.i32(0); // fArrayLength: no fixed-size arrays here
        b.i32(0); // fArrayDim
        b.i32(0); // fMaxIndex[5]; ROOT keeps a base class's checksum in fMaxIndex[1]
        b.i32(e.isBase() ? e.base().checksum() : 0);
        b.i32(0);
        b.i32(0);
        b.i32(0);
        b.string(e.typeName());
        b.end(el);
        if (e.isBase()) {
            b.i32(e.base().version());
        } else if (e.countName() != null) {
            b.i32(e.countVersion());
            b.string(e.countName());
            b.string(e.countClass());
        }
        b.end(outer);
    }
}
