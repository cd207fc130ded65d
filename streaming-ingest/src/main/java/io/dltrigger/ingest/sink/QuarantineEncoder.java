package io.dltrigger.ingest.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.ingest.source.ChunkResult;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.api.common.serialization.Encoder;

/**
 * One JSON line per quarantined file or chunk: {@code source_file, sample, tree, entry_start, entry_stop,
 * ingest_date, reason}. A whole-file quarantine has entry_start = entry_stop = 0.
 */
final class QuarantineEncoder implements Encoder<ChunkResult> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void encode(ChunkResult r, OutputStream out) throws IOException {
        ObjectNode line = JSON.createObjectNode()
                .put("source_file", r.sourceFile())
                .put("sample", r.sample())
                .put("tree", r.tree())
                .put("entry_start", r.entryStart())
                .put("entry_stop", r.entryStop())
                .put("ingest_date", r.ingestDate())
                .put("reason", r.quarantineReason());
        out.write(JSON.writeValueAsBytes(line));
        out.write('\n');
    }
}
