package io.dltrigger.generator.rootio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A class as its TStreamerInfo describes it: name, version and elements (bases first), with ROOT's checksum.
 *
 * @param unstreamed members that count in the checksum but are not streamed (a version-0 class's members)
 */
record ClassLayout(String name, int version, List<StreamerElement> elements, List<StreamerElement> unstreamed) {

    ClassLayout {
        elements = List.copyOf(elements);
        unstreamed = List.copyOf(unstreamed);
    }

    ClassLayout(String name, int version, List<StreamerElement> elements) {
        this(name, version, elements, List.of());
    }

    /** Index of a member in {@link #elements()}: what a split sub-branch stores as fID. */
    int indexOf(String member) {
        for (int i = 0; i < elements.size(); i++) {
            if (!elements.get(i).isBase() && elements.get(i).name().equals(member)) {
                return i;
            }
        }
        throw new IllegalArgumentException("class " + name + " has no member " + member);
    }

    /**
     * ROOT's class checksum (TClass::GetCheckSum with kLatestCheckSum): a base-3 hash of the class name, each
     * base's name and checksum, and each member's name, type name, array dimensions and counter. Readers
     * match a branch's fCheckSum against its StreamerInfo, and ROOT matches it against in-memory classes.
     */
    int checksum() {
        int id = hash(0, name);
        for (StreamerElement e : elements) {
            if (e.isBase()) {
                id = hash(id, e.name());
                id = id * 3 + e.base().checksum();
            }
        }
        List<StreamerElement> members = new ArrayList<>(elements);
        members.addAll(unstreamed);
        for (StreamerElement e : members) {
            if (e.isBase()) {
                continue;
            }
            id = hash(id, e.name());
            id = hash(id, e.typeName());
            String counter = counterOf(e.title());
            if (counter != null) {
                id = hash(id, counter);
            }
        }
        return id;
    }

    private static int hash(int id, String s) {
        for (byte c : s.getBytes(StandardCharsets.ISO_8859_1)) {
            id = id * 3 + c;
        }
        return id;
    }

    /** The counter named by a title that starts with "[n]" (TVirtualStreamerInfo::GetElementCounterStart). */
    private static String counterOf(String title) {
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '[') {
                int close = title.indexOf(']', i);
                return close < 0 ? null : title.substring(i + 1, close);
            }
            if (c != '*' && !Character.isWhitespace(c)) {
                return null;
            }
        }
        return null;
    }
}
