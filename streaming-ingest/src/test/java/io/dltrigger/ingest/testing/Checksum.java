package io.dltrigger.ingest.testing;

/**
 * An order-independent, exact summary of a column: number of events, number of values, and the sum of
 * the values' bit patterns (float bits or ints), so that any changed, lost, or duplicated value shows.
 */
public record Checksum(long events, long values, long bits) {
    public static final Checksum ZERO = new Checksum(0, 0, 0);

    public Checksum plus(Checksum o) {
        return new Checksum(events + o.events, values + o.values, bits + o.bits);
    }

    public Checksum plusEvent(int nValues, long valueBits) {
        return new Checksum(events + 1, values + nValues, bits + valueBits);
    }

    public static long bitsOf(Object value) {
        if (value instanceof Float f) {
            return Float.floatToRawIntBits(f);
        }
        return ((Number) value).longValue();
    }
}
