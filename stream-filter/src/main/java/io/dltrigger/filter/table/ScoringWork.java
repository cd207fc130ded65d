package io.dltrigger.filter.table;

import io.dltrigger.contract.IngestLedger;

/**
 * One unit of the filter's work: the chunks of one committed event-table part file that the scored table does not
 * hold yet. The scorer reads the file itself (what travels is this description, not the events).
 *
 * @param partition the part file's partition folder under its table ({@code sample=S/ingest_date=D}), which the
 *     scored rows keep
 * @param fileModified the part file's modification time (ms), for the lag metric
 */
public record ScoringWork(
        String partFile, long fileLength, long fileModified, String partition, IngestLedger.Entry[] chunks) {

    /** The key of a chunk: the source file's version and the entry range, as the ledgers record them. */
    public static String key(IngestLedger.Entry e) {
        return e.sourceFile()
                + '\u0000'
                + e.fileSize()
                + '\u0000'
                + e.fileModified()
                + '\u0000'
                + e.fileUuid()
                + '\u0000'
                + e.entryStart()
                + '\u0000'
                + e.entryStop();
    }
}
