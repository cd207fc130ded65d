package io.dltrigger.ingest.ledger;

import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.source.split.FileIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the table already holds, per source file and version, as read from the committed part files'
 * ledgers and the dead-letter table when a job starts: the entry ranges with rows, the ranges
 * dead-lettered as corrupt, and whether a version was settled as a whole (corrupt, or reported as
 * changed after ingestion). Immutable.
 */
public final class LedgerView {
    /** One version of one file, as far as the table knows it. */
    record Version(FileIdentity identity, List<EntryRange> rows, List<EntryRange> corrupt, boolean settled) {}

    private final Map<String, List<Version>> byPath;
    private final long rows;
    private final int partFiles;

    private LedgerView(Map<String, List<Version>> byPath, long rows, int partFiles) {
        this.byPath = byPath;
        this.rows = rows;
        this.partFiles = partFiles;
    }

    public static LedgerView empty() {
        return new LedgerView(Map.of(), 0, 0);
    }

    /** The view of one part file's ledger entries and these dead letters. */
    public static LedgerView of(List<IngestLedger.Entry> entries, List<IngestLedger.DeadLetter> deadLetters) {
        Builder b = new Builder();
        b.partFile(entries);
        deadLetters.forEach(b::deadLetter);
        return b.build();
    }

    /** The version of the path with rows in the table, if any (unknown-version rows from older tables too). */
    public Optional<FileIdentity> rows(String path) {
        return byPath.getOrDefault(path, List.of()).stream()
                .filter(v -> !v.rows().isEmpty())
                .map(Version::identity)
                .findFirst();
    }

    /** Entries of this version that are in the table or were dead-lettered as corrupt. */
    public List<EntryRange> covered(FileIdentity version) {
        List<EntryRange> all = new ArrayList<>();
        for (Version v : byPath.getOrDefault(version.path(), List.of())) {
            if (v.identity().sameVersion(version)) {
                all.addAll(v.rows());
                all.addAll(v.corrupt());
            }
        }
        return EntryRanges.merge(all);
    }

    /** Whether this version was dealt with as a whole: quarantined, or reported as changed after ingestion. */
    public boolean settled(FileIdentity version) {
        return byPath.getOrDefault(version.path(), List.of()).stream()
                .anyMatch(v -> v.settled() && v.identity().sameVersion(version));
    }

    public long committedRows() {
        return rows;
    }

    public int partFiles() {
        return partFiles;
    }

    public int sourceFiles() {
        return byPath.size();
    }

    /** Collects ledger entries and dead letters, then {@link #build()}s the view. */
    static final class Builder {
        private final Map<String, Map<FileIdentity, List<EntryRange>>> rows = new HashMap<>();
        private final Map<String, Map<FileIdentity, List<EntryRange>>> corrupt = new HashMap<>();
        private final Map<String, Map<FileIdentity, Boolean>> settled = new HashMap<>();
        private long rowCount;
        private int partFiles;

        void partFile(List<IngestLedger.Entry> entries) {
            partFiles++;
            for (IngestLedger.Entry e : entries) {
                add(rows, FileIdentity.of(e), new EntryRange(e.entryStart(), e.entryStop()));
                rowCount += e.entryStop() - e.entryStart();
            }
        }

        void deadLetter(IngestLedger.DeadLetter d) {
            if (d.kind() == null || d.sourceFile() == null) {
                return; // written before dead letters said their kind: retried like unavailable ones
            }
            FileIdentity id = new FileIdentity(d.sourceFile(), d.fileSize(), d.fileModified(), d.fileUuid());
            boolean wholeFile = d.entryStart() == 0 && d.entryStop() == 0;
            String kind = d.kind();
            if (kind.equals(IngestLedger.Kind.CHANGED.label())
                    || (kind.equals(IngestLedger.Kind.CORRUPT.label()) && wholeFile)) {
                settled.computeIfAbsent(id.path(), k -> new HashMap<>()).put(id, true);
            } else if (kind.equals(IngestLedger.Kind.CORRUPT.label())) {
                add(corrupt, id, new EntryRange(d.entryStart(), d.entryStop()));
            }
        }

        private static void add(Map<String, Map<FileIdentity, List<EntryRange>>> m, FileIdentity id, EntryRange r) {
            m.computeIfAbsent(id.path(), k -> new HashMap<>())
                    .computeIfAbsent(id, k -> new ArrayList<>())
                    .add(r);
        }

        LedgerView build() {
            Map<String, List<Version>> out = new HashMap<>();
            java.util.Set<String> paths = new java.util.HashSet<>(rows.keySet());
            paths.addAll(corrupt.keySet());
            paths.addAll(settled.keySet());
            for (String path : paths) {
                java.util.Set<FileIdentity> ids = new java.util.HashSet<>();
                ids.addAll(rows.getOrDefault(path, Map.of()).keySet());
                ids.addAll(corrupt.getOrDefault(path, Map.of()).keySet());
                ids.addAll(settled.getOrDefault(path, Map.of()).keySet());
                List<Version> versions = new ArrayList<>();
                for (FileIdentity id : ids) {
                    versions.add(new Version(
                            id,
                            EntryRanges.merge(rows.getOrDefault(path, Map.of()).getOrDefault(id, List.of())),
                            EntryRanges.merge(
                                    corrupt.getOrDefault(path, Map.of()).getOrDefault(id, List.of())),
                            settled.getOrDefault(path, Map.of()).getOrDefault(id, false)));
                }
                out.put(path, List.copyOf(versions));
            }
            return new LedgerView(Map.copyOf(out), rowCount, partFiles);
        }
    }
}
