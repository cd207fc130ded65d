package io.dltrigger.bridge.root;

import java.io.IOException;

/**
 * A read the file is too short for. Laurelin wraps the exception on its way up; the boundary that turns it
 * into a {@link RootFormatException} names what was being read ({@link #describe}). Two cases: the file
 * ended before the size it had when opened (it was cut: truncated), or the file is as long as its header
 * says and a record points beyond its end (corrupt).
 *
 * @param fileEnd where the file ends (-1 if the storage did not say)
 */
final class TruncatedReadException extends IOException {
    private final long fileEnd;
    private final long offset;
    private final long length;
    private final boolean cut;

    TruncatedReadException(String location, long fileEnd, long offset, long length, boolean cut) {
        super(location + ": " + describe(fileEnd, offset, length, cut, "read"));
        this.fileEnd = fileEnd;
        this.offset = offset;
        this.length = length;
        this.cut = cut;
    }

    /**
     * "truncated: the file ends at byte N, the basket at byte M needs K bytes", or "corrupt: the basket at
     * byte M (K bytes) lies beyond the end of the file at byte N".
     */
    String describe(String what) {
        return describe(fileEnd, offset, length, cut, what);
    }

    private static String describe(long fileEnd, long offset, long length, boolean cut, String what) {
        String end = fileEnd < 0 ? "early" : "at byte " + fileEnd;
        if (cut) {
            return "truncated: the file ends " + end + ", the " + what + " at byte " + offset + " needs " + length
                    + " bytes";
        }
        return "corrupt: the " + what + " at byte " + offset + (length > 0 ? " (" + length + " bytes)" : "")
                + " lies beyond the end of the file " + end;
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
