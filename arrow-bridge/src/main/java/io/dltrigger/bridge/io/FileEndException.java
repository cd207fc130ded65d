package io.dltrigger.bridge.io;

import java.io.EOFException;

/** A read the file is too short for: it ends at {@link #fileEnd()} (-1 if the storage does not say where). */
public final class FileEndException extends EOFException {
    private final long fileEnd;

    public FileEndException(String location, long fileEnd, long offset, long length) {
        super(location + ": the file ends " + (fileEnd < 0 ? "before byte " + (offset + length) : "at byte " + fileEnd)
                + ", a read at byte " + offset + " needs " + length + " bytes");
        this.fileEnd = fileEnd;
    }

    public long fileEnd() {
        return fileEnd;
    }
}
