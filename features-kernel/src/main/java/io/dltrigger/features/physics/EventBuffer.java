package io.dltrigger.features.physics;

/**
 * One event's input lists as primitive arrays, reused from event to event: filling it allocates only
 * when an event has more objects than any before it.
 */
public final class EventBuffer {
    private final float[][] floats = new float[Field.all().length][];
    private final int[][] ints = new int[Field.all().length][];
    private final int[] sizes = new int[Field.all().length];

    public EventBuffer() {
        for (Field f : Field.all()) {
            if (f.integer()) {
                ints[f.ordinal()] = new int[64];
            } else {
                floats[f.ordinal()] = new float[64];
            }
        }
    }

    /** Makes room for n values of a float field, sets its size to n and returns its array to fill. */
    public float[] floatsFor(Field f, int n) {
        float[] a = floats[f.ordinal()];
        if (a.length < n) {
            a = new float[Math.max(n, a.length * 2)];
            floats[f.ordinal()] = a;
        }
        sizes[f.ordinal()] = n;
        return a;
    }

    public int[] intsFor(Field f, int n) {
        int[] a = ints[f.ordinal()];
        if (a.length < n) {
            a = new int[Math.max(n, a.length * 2)];
            ints[f.ordinal()] = a;
        }
        sizes[f.ordinal()] = n;
        return a;
    }

    public float[] floats(Field f) {
        return floats[f.ordinal()];
    }

    public int[] ints(Field f) {
        return ints[f.ordinal()];
    }

    public int size(Field f) {
        return sizes[f.ordinal()];
    }

    /** Convenience for tests and generators: copies the values in. */
    public EventBuffer set(Field f, float... values) {
        System.arraycopy(values, 0, floatsFor(f, values.length), 0, values.length);
        return this;
    }

    public EventBuffer set(Field f, int... values) {
        System.arraycopy(values, 0, intsFor(f, values.length), 0, values.length);
        return this;
    }

    /** The members of one collection must all have as many values as the collection has objects. */
    public void checkSizes() {
        for (Collection c : Collection.values()) {
            int n = -1;
            Field first = null;
            for (Field f : Field.all()) {
                if (f.collection() != c) {
                    continue;
                }
                if (first == null) {
                    first = f;
                    n = sizes[f.ordinal()];
                } else if (sizes[f.ordinal()] != n) {
                    throw new IllegalArgumentException(c + " member " + f.member() + " has " + sizes[f.ordinal()]
                            + " values but member " + first.member() + " has " + n);
                }
            }
        }
    }
}
