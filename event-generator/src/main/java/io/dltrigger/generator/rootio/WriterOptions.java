package io.dltrigger.generator.rootio;

import java.time.Instant;
import java.util.Objects;

/**
 * How {@link DelphesRootWriter} lays out a file.
 *
 * @param compressionLevel zlib level 1-9 (ROOT's fCompress 101-109), or 0 for no compression
 * @param basketBytes a branch's basket is written once its uncompressed data would exceed this size
 *     (Delphes uses 64000); a basket always holds whole entries, so one large entry may exceed it
 * @param entriesPerCluster every this many entries all baskets are written, which makes a cluster
 *     (the TTree's fAutoFlush): readers can read clusters independently
 * @param creationTime the date stamped in the file's keys and directory, and the seed of its UUID: a fixed
 *     time gives byte-identical files for identical events
 */
public record WriterOptions(int compressionLevel, int basketBytes, int entriesPerCluster, Instant creationTime) {

    public WriterOptions {
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("compression level must be 0-9, not " + compressionLevel);
        }
        if (basketBytes < 1024 || basketBytes > 16_000_000) {
            throw new IllegalArgumentException("basket size must be 1 KB - 16 MB, not " + basketBytes);
        }
        if (entriesPerCluster < 1) {
            throw new IllegalArgumentException("entries per cluster must be positive, not " + entriesPerCluster);
        }
        Objects.requireNonNull(creationTime, "creationTime");
    }

    /** zlib level 1 (ROOT's and Delphes' default, 101), 64000-byte baskets, clusters of 500 entries, now. */
    public static WriterOptions defaults() {
        return new WriterOptions(1, 64_000, 500, Instant.now());
    }

    public WriterOptions withCompressionLevel(int level) {
        return new WriterOptions(level, basketBytes, entriesPerCluster, creationTime);
    }

    public WriterOptions withBasketBytes(int bytes) {
        return new WriterOptions(compressionLevel, bytes, entriesPerCluster, creationTime);
    }

    public WriterOptions withEntriesPerCluster(int entries) {
        return new WriterOptions(compressionLevel, basketBytes, entries, creationTime);
    }

    public WriterOptions withCreationTime(Instant time) {
        return new WriterOptions(compressionLevel, basketBytes, entriesPerCluster, time);
    }

    /** ROOT's fCompress: 100 x algorithm (1 = zlib) + level. */
    int rootCompressSetting() {
        return compressionLevel == 0 ? 0 : 100 + compressionLevel;
    }
}
