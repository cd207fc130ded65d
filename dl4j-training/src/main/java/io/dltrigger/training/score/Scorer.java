package io.dltrigger.training.score;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.ScoresContract;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.ParquetFeatureReader;
import io.dltrigger.training.eval.Scoring;
import io.dltrigger.training.model.ModelKind;
import io.dltrigger.training.registry.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Scores a features dataset with a saved model, in file order, writing {@code OUTPUT/part-00000.parquet}:
 * source_file, entry, label, the three class probabilities and the predicted class. The output directory appears
 * only when complete.
 */
public final class Scorer {
    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message predictions {"
            + " optional binary " + ScoresContract.SOURCE_FILE + " (STRING);"
            + " required int64 " + ScoresContract.ENTRY + ";"
            + " required int32 " + ScoresContract.LABEL + ";"
            + ScoresContract.probabilities().stream()
                    .map(c -> " required float " + c + ";")
                    .collect(Collectors.joining())
            + " required int32 " + ScoresContract.PREDICTED + "; }");
    private static final int BATCH = 512;

    private Scorer() {}

    /** Returns the number of events scored. */
    public static long score(ComputationGraph net, ModelKind kind, FeatureDataset input, Path output)
            throws IOException {
        Path tmp = AtomicFiles.tempSibling(output);
        Files.createDirectories(tmp);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        long n = 0;
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(
                        tmp.resolve("part-00000.parquet").toUri()))
                .withConf(new Configuration())
                .withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (FeatureSplit split : input.splits()) {
                EventBlock block = ParquetFeatureReader.read(split, kind.readsParticles());
                ParquetFeatureReader.Provenance prov = ParquetFeatureReader.readProvenance(split);
                for (int start = 0; start < block.size(); start += BATCH) {
                    int size = Math.min(BATCH, block.size() - start);
                    EventBlock batch = EventBlock.allocate(size, kind.readsParticles());
                    for (int i = 0; i < size; i++) {
                        batch.copyEvent(block, start + i, i);
                    }
                    float[] p = Scoring.probabilities(net, kind, batch);
                    for (int i = 0; i < size; i++) {
                        Group g = groups.newGroup();
                        if (prov.sourceFiles()[start + i] != null) {
                            g.add(ScoresContract.SOURCE_FILE, prov.sourceFiles()[start + i]);
                        }
                        g.add(ScoresContract.ENTRY, prov.entries()[start + i]);
                        g.add(ScoresContract.LABEL, batch.labels()[i]);
                        int best = 0;
                        for (int c = 0; c < EventClass.COUNT; c++) {
                            if (p[i * 3 + c] > p[i * 3 + best]) {
                                best = c;
                            }
                        }
                        for (EventClass c : EventClass.values()) {
                            g.add(ScoresContract.probability(c), p[i * 3 + c.label()]);
                        }
                        g.add(ScoresContract.PREDICTED, best);
                        w.write(g);
                    }
                    n += size;
                }
            }
        }
        AtomicFiles.replaceDirectory(tmp, output);
        return n;
    }
}
