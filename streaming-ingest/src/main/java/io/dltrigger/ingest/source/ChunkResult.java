package io.dltrigger.ingest.source;

/**
 * What flows from the source to the sinks, one element per chunk (not per event, so that per-record
 * overhead is paid once per few thousand events): either the chunk's member columns as one Arrow IPC
 * stream, already named and typed as the event table's columns, or a quarantine notice with its reason.
 * A record of plain fields so that Flink serializes it with its POJO serializer (no Kryo); object reuse is
 * safe because nothing mutates it after emission.
 *
 * @param arrowIpc the member columns (Arrow IPC stream format); empty when quarantined
 * @param quarantineReason why the chunk or file was quarantined; empty when the chunk is good
 * @param ingestDate UTC date the chunk was read, the {@code ingest_date} partition
 */
public record ChunkResult(
        String sourceFile,
        String sample,
        String tree,
        long entryStart,
        long entryStop,
        String ingestDate,
        byte[] arrowIpc,
        String quarantineReason) {

    public boolean quarantined() {
        return !quarantineReason.isEmpty();
    }

    public long events() {
        return entryStop - entryStart;
    }
}
