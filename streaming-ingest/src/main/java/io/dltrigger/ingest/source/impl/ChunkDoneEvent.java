package io.dltrigger.ingest.source.impl;

import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.source.split.FileIdentity;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Reader -> enumerator: a chunk is done, its events emitted ({@code deadLetter} null) or a dead letter of
 * that kind emitted instead; for the per-file progress line and for telling whether a version has rows.
 */
public record ChunkDoneEvent(FileIdentity file, long events, IngestLedger.Kind deadLetter, String sample)
        implements SourceEvent {
    public String path() {
        return file.path();
    }

    public boolean emittedEvents() {
        return deadLetter == null;
    }
}
