package edu.vanderbilt.accre.laurelin.array;

import java.nio.ByteBuffer;

/** Exposes the decoded buffer of a Laurelin array, so values can be copied to Arrow in one bulk pass. */
public final class ArrayAccess {
    private ArrayAccess() {}

    /** A read-only view of the array's values, positioned at its first value. */
    public static ByteBuffer values(PrimitiveArray array) {
        return array.raw().asReadOnlyBuffer().order(array.raw().order());
    }
}
