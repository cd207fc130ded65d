package io.dltrigger.bridge.io;

import java.io.IOException;

/**
 * Storage failed, not the file's bytes: the file is not there (any more), the server is unreachable or
 * timed out, access was refused. Such a failure may pass (a server restarts, a file is put back, a
 * credential is renewed), so callers retry it rather than judge the file; {@code RootFormatException}
 * is the permanent kind (bytes that are not a readable ROOT file).
 */
public final class StorageException extends IOException {
    /** What failed, for the caller's decision and the operator's message. */
    public enum Kind {
        /** No such file or folder. */
        NOT_FOUND,
        /** Connection refused or lost, timeout, I/O error on the server. */
        UNAVAILABLE,
        /** Authentication or authorization refused (expired proxy or token, no permission). */
        DENIED
    }

    private final Kind kind;

    public StorageException(Kind kind, String location, String what) {
        super(location + ": " + what);
        this.kind = kind;
    }

    public StorageException(Kind kind, String location, String what, Throwable cause) {
        super(location + ": " + what + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The storage failure behind an exception, if any: decoders wrap I/O errors (Laurelin in
     * {@code IOException} and {@code UncheckedIOException}), and the caller must still see it as storage.
     */
    public static StorageException findIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StorageException s) {
                return s;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
