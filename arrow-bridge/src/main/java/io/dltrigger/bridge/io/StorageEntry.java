package io.dltrigger.bridge.io;

/**
 * A file or folder as its storage reports it.
 *
 * @param location the full location, in the form {@link Storage#open} takes ({@code file:/data/x.root},
 *     {@code root://host//eos/x.root}, {@code https://host/eos/x.root}, {@code hdfs://nn/x.root})
 * @param size bytes (0 for folders)
 * @param modified last modification, ms since the epoch (XRootD and HTTP report whole seconds)
 */
public record StorageEntry(String location, long size, long modified, boolean directory) {
    /** The last element of the location. */
    public String name() {
        String l = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        return l.substring(l.lastIndexOf('/') + 1);
    }
}
