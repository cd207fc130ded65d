package io.dltrigger.ingest.source.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.ledger.LedgerView;
import io.dltrigger.ingest.source.split.FileIdentity;
import io.dltrigger.ingest.source.split.FileMeta;
import io.dltrigger.ingest.source.split.FilePlan;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import io.dltrigger.ingest.source.split.TrackedFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The enumerator's rules for a version it has not handled yet, against what the table holds. */
class FileVersionsTest {
    private static final String PATH = "root://eos.example//data/run7/ttbar_seed1_0000.root";
    private static final FileIdentity V1 = new FileIdentity(PATH, 1000, 1_000, "uuid-1");
    private static final FileIdentity V2 = new FileIdentity(PATH, 1500, 2_000, "uuid-2");
    private static final List<EntryRange> RANGES =
            List.of(new EntryRange(0, 100), new EntryRange(100, 200), new EntryRange(200, 250));

    private static FilePlan chunks(FileIdentity v) {
        return new FilePlan.Chunks(listed(v), v, "Delphes", "ttbar", 250, RANGES);
    }

    private static FileMeta listed(FileIdentity v) {
        return new FileMeta(v.path(), v.size(), v.modified());
    }

    private static FilePlan truncated(FileIdentity v) {
        return new FilePlan.Refused(listed(v), v, "Delphes", "ttbar", "truncated: ...", true);
    }

    @Test
    void aNewFileIsPlannedAndTheSameListingIsNotOpenedAgain() {
        FileVersions versions = new FileVersions(List.of());
        FileVersions.Enqueue e =
                assertInstanceOf(FileVersions.Enqueue.class, versions.decide(chunks(V1), LedgerView.empty()));
        assertEquals(3, e.splits().size());
        assertTrue(versions.isCurrent(listed(V1)));
        assertTrue(!versions.isCurrent(listed(V2)), "another size or time is another version");
        // two overlapping discovery rounds planned it: the second merge adds nothing
        assertInstanceOf(FileVersions.Skip.class, versions.decide(chunks(V1), LedgerView.empty()));
    }

    @Test
    void aRerunReadsOnlyWhatTheTableLacksOfTheSameVersion() {
        LedgerView all = LedgerView.of(List.of(V1.ledgerEntry(0, 100), V1.ledgerEntry(100, 250)), List.of());
        assertInstanceOf(FileVersions.Skip.class, new FileVersions(List.of()).decide(chunks(V1), all));

        // a run that died after committing the first chunk and half of the second (a smaller chunk size)
        LedgerView part = LedgerView.of(List.of(V1.ledgerEntry(0, 150)), List.of());
        FileVersions.Enqueue e =
                assertInstanceOf(FileVersions.Enqueue.class, new FileVersions(List.of()).decide(chunks(V1), part));
        assertEquals(
                List.of(new EntryRange(150, 200), new EntryRange(200, 250)),
                e.splits().stream()
                        .map(s -> new EntryRange(s.start(), s.stop()))
                        .toList());
    }

    @Test
    void aNewVersionOfAnIngestedFileIsReportedOnceAndNotRead() {
        LedgerView table = LedgerView.of(List.of(V1.ledgerEntry(0, 250)), List.of());
        FileVersions versions = new FileVersions(List.of());
        FileVersions.Enqueue e = assertInstanceOf(FileVersions.Enqueue.class, versions.decide(chunks(V2), table));
        RootChunkSplit notice = e.splits().get(0);
        assertEquals(IngestLedger.Kind.CHANGED, notice.notice().orElseThrow().kind());
        assertEquals(V2, notice.file());
        assertTrue(
                notice.notice().get().reason().contains("reingest"),
                notice.notice().get().reason());
        assertTrue(versions.isCurrent(listed(V2)), "reported once, not every round");

        // a later run finds the report in the dead-letter table: not reported again
        LedgerView reported = LedgerView.of(
                List.of(V1.ledgerEntry(0, 250)),
                List.of(new IngestLedger.DeadLetter(
                        PATH,
                        "ttbar",
                        "Delphes",
                        0,
                        0,
                        "2026-01-01",
                        "changed",
                        "...",
                        V2.size(),
                        V2.modified(),
                        V2.uuid())));
        assertInstanceOf(FileVersions.Skip.class, new FileVersions(List.of()).decide(chunks(V2), reported));
    }

    @Test
    void aQuarantinedFileIsTriedAgainOnceItChanges() {
        FileIdentity partial = new FileIdentity(PATH, 400, 500, "uuid-1");
        FileVersions versions = new FileVersions(List.of());
        FileVersions.Enqueue bad =
                assertInstanceOf(FileVersions.Enqueue.class, versions.decide(truncated(partial), LedgerView.empty()));
        assertEquals(
                IngestLedger.Kind.CORRUPT,
                bad.splits().get(0).notice().orElseThrow().kind());
        // the copy completes: same path, another version
        assertTrue(!versions.isCurrent(listed(V1)));
        FileVersions.Enqueue good =
                assertInstanceOf(FileVersions.Enqueue.class, versions.decide(chunks(V1), LedgerView.empty()));
        assertEquals(3, good.splits().size());
        assertTrue(good.replacesOlder());

        // and a later run does not quarantine the partial version's record onto the complete one
        LedgerView dead = LedgerView.of(
                List.of(),
                List.of(new IngestLedger.DeadLetter(
                        PATH,
                        "ttbar",
                        "Delphes",
                        0,
                        0,
                        "2026-01-01",
                        "corrupt",
                        "truncated",
                        partial.size(),
                        partial.modified(),
                        partial.uuid())));
        assertInstanceOf(FileVersions.Enqueue.class, new FileVersions(List.of()).decide(chunks(V1), dead));
        assertInstanceOf(FileVersions.Skip.class, new FileVersions(List.of()).decide(truncated(partial), dead));
    }

    @Test
    void aReplacementWaitsForThePreviousVersionsChunksThenDependsOnWhetherTheyGaveRows() {
        FileVersions versions = new FileVersions(List.of());
        FileVersions.Enqueue e =
                assertInstanceOf(FileVersions.Enqueue.class, versions.decide(chunks(V1), LedgerView.empty()));
        e.splits().forEach(versions::handedOut);
        assertInstanceOf(FileVersions.Defer.class, versions.decide(chunks(V2), LedgerView.empty()));
        // all three chunks came back superseded (replaced before they were read): no rows of V1
        for (RootChunkSplit s : e.splits()) {
            versions.done(new ChunkDoneEvent(s.file(), 0, IngestLedger.Kind.SUPERSEDED, "ttbar"));
        }
        FileVersions.Enqueue v2 =
                assertInstanceOf(FileVersions.Enqueue.class, versions.decide(chunks(V2), LedgerView.empty()));
        assertEquals(3, v2.splits().size(), "the new version is read in full");

        // the same, but one chunk of V1 had been read: V2 is a change after ingestion
        FileVersions other = new FileVersions(List.of());
        FileVersions.Enqueue f =
                assertInstanceOf(FileVersions.Enqueue.class, other.decide(chunks(V1), LedgerView.empty()));
        f.splits().forEach(other::handedOut);
        other.done(new ChunkDoneEvent(V1, 100, null, "ttbar"));
        other.done(new ChunkDoneEvent(V1, 0, IngestLedger.Kind.SUPERSEDED, "ttbar"));
        other.done(new ChunkDoneEvent(V1, 0, IngestLedger.Kind.SUPERSEDED, "ttbar"));
        FileVersions.Enqueue changed =
                assertInstanceOf(FileVersions.Enqueue.class, other.decide(chunks(V2), LedgerView.empty()));
        assertEquals(
                IngestLedger.Kind.CHANGED,
                changed.splits().get(0).notice().orElseThrow().kind());
    }

    @Test
    void chunksOutAtACheckpointMayHaveRowsAfterARestore() {
        FileVersions restored =
                new FileVersions(List.of(new TrackedFile(V1, TrackedFile.Handling.PLANNED, Optional.empty(), 2)));
        FileVersions.Enqueue e =
                assertInstanceOf(FileVersions.Enqueue.class, restored.decide(chunks(V2), LedgerView.empty()));
        assertEquals(
                IngestLedger.Kind.CHANGED,
                e.splits().get(0).notice().orElseThrow().kind());
    }
}
