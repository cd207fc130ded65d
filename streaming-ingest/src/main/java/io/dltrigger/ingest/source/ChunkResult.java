package io.dltrigger.ingest.source;

import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.source.split.FileIdentity;

/**
 * What flows from the source to the sinks, one element per chunk (not per event, so that per-record
 * overhead is paid once per few thousand events): either the chunk's member columns as one Arrow IPC
 * stream, already named and typed as the event table's columns, or a dead-letter notice with its kind and
 * reason. The file's identity travels along: the event sink records it in the part file's ledger, the
 * dead-letter sink in the record. A record of plain fields so that Flink serializes it with its POJO
 * serializer (no Kryo); object reuse is safe because nothing mutates it after emission.
 *
 * @param arrowIpc the member columns (Arrow IPC stream format); empty for a dead letter
 * @param deadLetterKind {@link IngestLedger.Kind#label()} of a dead letter; empty when the chunk is good
 * @param quarantineReason why the chunk or file is a dead letter; empty when the chunk is good
 * @param ingestDate UTC date the chunk was read, the {@code ingest_date} partition
 */
public record ChunkResult(
        String sourceFile,
        long fileSize,
        long fileModified,
        String fileUuid,
        String sample,
        String tree,
        long entryStart,
        long entryStop,
        String ingestDate,
        byte[] arrowIpc,
        String deadLetterKind,
        String quarantineReason) {

    public static ChunkResult events(
            FileIdentity file, String sample, String tree, long start, long stop, String date, byte[] ipc) {
        return new ChunkResult(
                file.path(), file.size(), file.modified(), file.uuid(), sample, tree, start, stop, date, ipc, "", "");
    }

    public static ChunkResult deadLetter(
            FileIdentity file,
            String sample,
            String tree,
            long start,
            long stop,
            String date,
            IngestLedger.Kind kind,
            String reason) {
        return new ChunkResult(
                file.path(),
                file.size(),
                file.modified(),
                file.uuid(),
                sample,
                tree,
                start,
                stop,
                date,
                new byte[0],
                kind.label(),
                reason == null || reason.isEmpty() ? "unknown error" : reason);
    }

    public boolean quarantined() {
        return !deadLetterKind.isEmpty();
    }

    public long events() {
        return entryStop - entryStart;
    }

    public IngestLedger.Entry ledgerEntry() {
        return new IngestLedger.Entry(sourceFile, fileSize, fileModified, fileUuid, entryStart, entryStop);
    }

    public IngestLedger.DeadLetter deadLetterRecord() {
        return new IngestLedger.DeadLetter(
                sourceFile,
                sample,
                tree,
                entryStart,
                entryStop,
                ingestDate,
                deadLetterKind,
                quarantineReason,
                fileSize,
                fileModified,
                fileUuid);
    }
}
