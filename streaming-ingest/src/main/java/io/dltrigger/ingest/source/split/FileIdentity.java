package io.dltrigger.ingest.source.split;

import io.dltrigger.contract.IngestLedger;
import java.io.Serializable;
import java.time.Instant;

/**
 * Which version of a file: its path, size, modification time and ROOT UUID, recorded when the file is
 * planned and checked when each chunk is read. A file replaced, rewritten or completed after a first look
 * is another version. {@code size < 0} means unknown (state or ledger written before identities were
 * recorded): it matches any version of the path; an empty UUID matches any UUID.
 */
public record FileIdentity(String path, long size, long modified, String uuid) implements Serializable {
    public FileIdentity {
        uuid = uuid == null ? "" : uuid;
    }

    public static FileIdentity unknown(String path) {
        return new FileIdentity(path, -1, -1, "");
    }

    public static FileIdentity of(FileMeta listed, String uuid) {
        return new FileIdentity(listed.path(), listed.size(), listed.modified(), uuid);
    }

    public boolean known() {
        return size >= 0;
    }

    /** Whether a listing shows this version (size and time; the UUID needs the file opened). */
    public boolean listedAs(FileMeta listed) {
        return !known() || (size == listed.size() && modified == listed.modified());
    }

    /** Whether both describe the same version of the same path, as far as each is known. */
    public boolean sameVersion(FileIdentity o) {
        return path.equals(o.path)
                && (!known() || !o.known() || (size == o.size && modified == o.modified))
                && (uuid.isEmpty() || o.uuid.isEmpty() || uuid.equals(o.uuid));
    }

    public IngestLedger.Entry ledgerEntry(long start, long stop) {
        return new IngestLedger.Entry(path, size, modified, uuid, start, stop);
    }

    public static FileIdentity of(IngestLedger.Entry e) {
        return new FileIdentity(e.sourceFile(), e.fileSize(), e.fileModified(), e.fileUuid());
    }

    /** "size 1234 bytes, modified 2026-01-01T10:00:00Z, uuid ..." for messages. */
    public String describe() {
        if (!known()) {
            return "unknown version";
        }
        return "size " + size + " bytes, modified " + Instant.ofEpochMilli(modified)
                + (uuid.isEmpty() ? "" : ", uuid " + uuid);
    }

    /** A short tag for split ids: two versions of a path have different ids. */
    String tag() {
        return size + "@" + modified;
    }
}
