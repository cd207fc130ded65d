package io.dltrigger.bridge.root;

import java.io.IOException;

/** A ROOT file that cannot be read as asked: corrupt, truncated, not ROOT, or missing what was asked for. */
public class RootFormatException extends IOException {
    public RootFormatException(String location, String what) {
        super(location + ": " + what);
    }

    public RootFormatException(String location, String what, Throwable cause) {
        super(
                location + ": " + what
                        + (cause.getMessage() == null
                                ? " (" + cause.getClass().getSimpleName() + ")"
                                : " (" + cause.getMessage() + ")"),
                cause);
    }
}
