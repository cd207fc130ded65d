package io.dltrigger.bridge.root;

import java.io.IOException;

/**
 * A read the file is too short for. Laurelin wraps the exception on its way up; the boundary that turns it
 * into a {@link RootFormatException} names what was being read ({@link #describe}).
 *
 * @param fileEnd the file's size, or -1 if the file ended before its known size (it shrank)
 */
final class TruncatedReadException extends IOException {
    private final long fileEnd;
    private final long offset;
    private final long length;

    TruncatedReadException(String location, long fileEnd, long offset, long length) {
        super(location + ": " + describe(fileEnd, offset, length, "read"));
        this.fileEnd = fileEnd;
        this.offset = offset;
        this.length = length;
    }

    /** "truncated: the file ends at byte N, the basket at M needs K bytes". */
    String describe(String what) {
        return describe(fileEnd, offset, length, what);
    }

    private static String describe(long fileEnd, long offset, long length, String what) {
        return "truncated: the file ends " + (fileEnd < 0 ? "early" : "at byte " + fileEnd) + ", the " + what
                + " at byte " + offset + " needs " + length + " bytes";
    }

    static TruncatedReadException findIn(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof TruncatedReadException r) {
                return r;
            }
        }
        return null;
    }
}
