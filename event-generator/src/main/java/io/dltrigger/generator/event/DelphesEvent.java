package io.dltrigger.generator.event;

import java.util.HashMap;
import java.util.Map;

/**
 * One generated event, stored the way the ROOT file stores it: per collection a size, and per member one
 * array of that size (float[] for float members, int[] for integer members).
 */
public final class DelphesEvent {
    private final long number;
    private final Map<String, Integer> sizes = new HashMap<>();
    private final Map<String, Object> values = new HashMap<>();

    public DelphesEvent(long number) {
        this.number = number;
    }

    /** Event number within its run, starting at 1 (Delphes' Event.Number). */
    public long number() {
        return number;
    }

    public int size(String collection) {
        Integer n = sizes.get(collection);
        if (n == null) {
            throw new IllegalArgumentException("event has no collection " + collection);
        }
        return n;
    }

    public float[] floats(String collection, String member) {
        return (float[]) get(collection, member);
    }

    public int[] ints(String collection, String member) {
        return (int[]) get(collection, member);
    }

    /** Sets a float member; all members of a collection must have the same length. */
    public DelphesEvent put(String collection, String member, float[] v) {
        return putArray(collection, member, v, v.length);
    }

    public DelphesEvent put(String collection, String member, int[] v) {
        return putArray(collection, member, v, v.length);
    }

    private Object get(String collection, String member) {
        Object v = values.get(collection + "." + member);
        if (v == null) {
            throw new IllegalArgumentException("event has no member " + collection + "." + member);
        }
        return v;
    }

    private DelphesEvent putArray(String collection, String member, Object v, int length) {
        Integer n = sizes.putIfAbsent(collection, length);
        if (n != null && n != length) {
            throw new IllegalArgumentException(
                    collection + "." + member + " has " + length + " values but the collection has " + n + " objects");
        }
        values.put(collection + "." + member, v);
        return this;
    }
}
