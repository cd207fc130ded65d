package io.dltrigger.ingest.source.impl;

import org.apache.flink.api.connector.source.SourceEvent;

/** Reader -> enumerator: a chunk has been emitted (or quarantined), for the per-file progress line. */
public record ChunkDoneEvent(String path, long events, boolean quarantined, String sample) implements SourceEvent {}
