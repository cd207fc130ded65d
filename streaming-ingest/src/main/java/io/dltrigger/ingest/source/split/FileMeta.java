package io.dltrigger.ingest.source.split;

/** A discovered file: its full path (URI form) with size and modification time. */
public record FileMeta(String path, long size, long modified) {
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
