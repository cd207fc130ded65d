package io.dltrigger.ingest.sink;

import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.source.ChunkResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.Encoder;

/**
 * One JSON line per dead-lettered file or chunk ({@link IngestLedger.DeadLetter}): {@code source_file,
 * sample, tree, entry_start, entry_stop, ingest_date, kind, reason, file_size, file_modified, file_uuid}.
 * A whole file has entry_start = entry_stop = 0.
 */
final class QuarantineEncoder implements Encoder<ChunkResult> {
    @Override
    public void encode(ChunkResult r, OutputStream out) throws IOException {
        out.write(IngestLedger.encode(r.deadLetterRecord()).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
