package io.dltrigger.filter.score;

import io.dltrigger.bridge.parquet.ParquetArrowReader;
import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.contract.IngestLedger;
import io.dltrigger.contract.KeepThreshold;
import io.dltrigger.contract.Scaler;
import io.dltrigger.contract.ScoredTableContract.Outcome;
import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.features.physics.EventBuffer;
import io.dltrigger.features.physics.EventProcessor;
import io.dltrigger.features.physics.Features;
import io.dltrigger.filter.model.FilterModel;
import io.dltrigger.filter.table.ScoringWork;
import io.dltrigger.ingest.ledger.FlinkInputFile;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.eval.Scoring;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores event-table rows with one model, as the batch path does: the features kernel with the model's features
 * configuration (selection, 14 HLF, particle list), the model's scaler (min-max HLF, standardized real particle rows,
 * zero padding after them, as the features stage writes them), and the network through the batch score's own input
 * code ({@link Scoring#probabilities}), {@code batchSize} selected events per call. One instance per task thread.
 */
final class EventScorer {
    private static final Logger LOG = LoggerFactory.getLogger(EventScorer.class);
    private static final int READ_BATCH = 1024;
    private static final int PV = FeaturesTableContract.PARTICLE_VALUES;

    private final FilterModel model;
    private final EventProcessor processor;
    private final EventBuffer buffer = new EventBuffer();
    private final int batchSize;
    private final boolean particles;
    private final EventBlock block;
    /** Per slot of the block: the output row it scores, and how many particle values it holds (for re-zeroing). */
    private final int[] slotRow;

    private final int[] slotFill;
    private int slots;

    EventScorer(FilterModel model, int batchSize) {
        this.model = model;
        FeaturesConfig f = model.features();
        this.processor = new EventProcessor(f.cuts(), f.leptonChoice(), f.mtForm(), f.particleOrder(), f.isolation());
        this.batchSize = batchSize;
        this.particles = model.kind().readsParticles();
        this.block = EventBlock.allocate(batchSize, particles);
        this.slotRow = new int[batchSize];
        this.slotFill = new int[batchSize];
        if (particles && f.cuts().particleRows() > FeaturesTableContract.MAX_PARTICLES) {
            throw new IllegalArgumentException("model " + model.version() + ": its features configuration makes "
                    + f.cuts().particleRows() + " particle rows, more than the " + FeaturesTableContract.MAX_PARTICLES
                    + " of the features table");
        }
    }

    FilterModel model() {
        return model;
    }

    /** Reads the work's part file and scores the rows of its chunks (the part file's other rows are skipped). */
    ScoredPart score(ScoringWork work, BufferAllocator allocator) throws IOException {
        Path path = new Path(work.partFile());
        FileSystem fs = path.getFileSystem();
        Map<String, List<IngestLedger.Entry>> chunks = new HashMap<>();
        long expected = 0;
        for (IngestLedger.Entry e : work.chunks()) {
            chunks.computeIfAbsent(e.sourceFile(), k -> new ArrayList<>()).add(e);
            expected += e.entryStop() - e.entryStart();
        }
        Rows rows = new Rows((int) expected);
        try (ParquetArrowReader in =
                new ParquetArrowReader(new FlinkInputFile(fs, path, work.fileLength()), allocator, READ_BATCH)) {
            ArrowEvents events = new ArrowEvents(in.root(), model.features(), work.partFile());
            while (in.loadNextBatch()) {
                for (int i = 0, n = in.root().getRowCount(); i < n; i++) {
                    String source = events.sourceFile(i);
                    long entry = events.entry(i);
                    if (!contains(chunks.get(source), entry)) {
                        continue;
                    }
                    events.fill(i, buffer);
                    score(rows, rows.add(source, entry), source, entry);
                }
            }
        }
        flush(rows);
        if (rows.size != expected) {
            // reingest rewrote the part file without some chunks since it was planned: those events left the table
            LOG.warn(
                    "{}: {} of the {} planned events are in the file; the others were removed from the event table",
                    work.partFile(),
                    rows.size,
                    expected);
        }
        return rows.toPart(work.partition(), model.version(), IngestLedger.encode(Arrays.asList(work.chunks())));
    }

    private static boolean contains(List<IngestLedger.Entry> ranges, long entry) {
        if (ranges != null) {
            for (IngestLedger.Entry e : ranges) {
                if (entry >= e.entryStart() && entry < e.entryStop()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void score(Rows rows, int row, String source, long entry) {
        EventProcessor.Outcome outcome;
        try {
            buffer.checkSizes();
            outcome = processor.process(buffer);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("event " + source + " entry " + entry + ": " + e.getMessage(), e);
        }
        rows.outcomes[row] = (byte) Outcome.valueOf(outcome.name()).ordinal();
        if (outcome != EventProcessor.Outcome.SELECTED) {
            return;
        }
        int s = slots++;
        slotRow[s] = row;
        Scaler scaler = model.scaler();
        float[] hlf = processor.hlf();
        for (int k = 0; k < Features.N_HLF; k++) {
            block.hlf()[s * Features.N_HLF + k] = scaler.scaleHlf(k, hlf[k]);
        }
        int n = processor.rows();
        block.nParticles()[s] = n;
        if (particles) {
            float[] p = processor.particles();
            float[] dst = block.particles();
            int base = s * PV;
            int real = n * Features.N_PARTICLE;
            for (int i = 0; i < real; i++) {
                dst[base + i] = scaler.scaleParticle(i % Features.N_PARTICLE, p[i]);
            }
            if (slotFill[s] > real) {
                Arrays.fill(dst, base + real, base + slotFill[s], 0f);
            }
            slotFill[s] = real;
        }
        if (slots == batchSize) {
            flush(rows);
        }
    }

    /** Scores the selected events waiting in the block. */
    private void flush(Rows rows) {
        if (slots == 0) {
            return;
        }
        EventBlock batch = new EventBlock(slots, block.labels(), block.hlf(), block.particles(), block.nParticles());
        float[] p = Scoring.probabilities(model.network(), model.kind(), batch);
        KeepThreshold threshold = model.threshold();
        for (int s = 0; s < slots; s++) {
            int r = slotRow[s];
            System.arraycopy(p, s * EventClass.COUNT, rows.probabilities, r * EventClass.COUNT, EventClass.COUNT);
            rows.keep[r] = threshold.keep(threshold.score(p, s * EventClass.COUNT));
        }
        slots = 0;
    }

    /** Output columns, grown as rows come. */
    private final class Rows {
        String[] sourceFiles;
        long[] entries;
        byte[] outcomes;
        float[] probabilities;
        boolean[] keep;
        int size;

        Rows(int capacity) {
            resize(Math.max(capacity, 16));
        }

        private void resize(int capacity) {
            sourceFiles = sourceFiles == null ? new String[capacity] : Arrays.copyOf(sourceFiles, capacity);
            entries = entries == null ? new long[capacity] : Arrays.copyOf(entries, capacity);
            outcomes = outcomes == null ? new byte[capacity] : Arrays.copyOf(outcomes, capacity);
            int old = probabilities == null ? 0 : probabilities.length;
            probabilities = probabilities == null
                    ? new float[capacity * EventClass.COUNT]
                    : Arrays.copyOf(probabilities, capacity * EventClass.COUNT);
            Arrays.fill(probabilities, old, probabilities.length, Float.NaN);
            keep = keep == null ? new boolean[capacity] : Arrays.copyOf(keep, capacity);
        }

        int add(String source, long entry) {
            if (size == entries.length) {
                resize(size * 2);
            }
            sourceFiles[size] = source;
            entries[size] = entry;
            return size++;
        }

        ScoredPart toPart(String partition, String version, String ledger) {
            return new ScoredPart(
                    partition,
                    version,
                    ledger,
                    Arrays.copyOf(sourceFiles, size),
                    Arrays.copyOf(entries, size),
                    Arrays.copyOf(outcomes, size),
                    Arrays.copyOf(probabilities, size * EventClass.COUNT),
                    Arrays.copyOf(keep, size));
        }
    }
}
