package io.dltrigger.training.data;

import io.dltrigger.training.model.ModelKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Streams shuffled minibatches from a list of splits with bounded memory: splits are read in a random order
 * until a pool of at least {@code poolEvents} events is held, the pool is shuffled and cut into batches, and the
 * remainder carries over to the next pool. Only the last batch of a pass may be short. Memory: about
 * {@code poolEvents} plus one row group of events.
 */
public final class ShuffledBatches implements Iterator<MultiDataSet> {
    private final List<FeatureSplit> splits;
    private final ModelKind kind;
    private final int batchSize;
    private final int poolEvents;
    private final Random random;
    private int nextSplit;
    private final List<EventBlock> pool = new ArrayList<>();
    private final java.util.ArrayDeque<EventBlock> ready = new java.util.ArrayDeque<>();

    private final Holdout holdout;

    public ShuffledBatches(List<FeatureSplit> splits, ModelKind kind, int batchSize, int poolEvents, long seed) {
        this(splits, Holdout.ALL, kind, batchSize, poolEvents, seed);
    }

    public ShuffledBatches(
            List<FeatureSplit> splits, Holdout holdout, ModelKind kind, int batchSize, int poolEvents, long seed) {
        this.holdout = holdout;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1");
        }
        this.splits = new ArrayList<>(splits);
        this.kind = kind;
        this.batchSize = batchSize;
        this.poolEvents = Math.max(poolEvents, batchSize);
        this.random = new Random(seed);
        Collections.shuffle(this.splits, random);
    }

    @Override
    public boolean hasNext() {
        if (ready.isEmpty()) {
            refill();
        }
        return !ready.isEmpty();
    }

    @Override
    public MultiDataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return BatchBuilder.build(ready.poll(), kind);
    }

    /** The next batch as raw arrays (for evaluation, which needs labels and inputs side by side). */
    public EventBlock nextBlock() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    private void refill() {
        int held = pool.stream().mapToInt(EventBlock::size).sum();
        while (held < poolEvents && nextSplit < splits.size()) {
            FeatureSplit split = splits.get(nextSplit++);
            EventBlock b = holdout.filter(split, ParquetFeatureReader.read(split, kind.readsParticles()));
            pool.add(b);
            held += b.size();
        }
        if (held == 0) {
            return;
        }
        int[][] refs = new int[held][];
        int k = 0;
        for (int b = 0; b < pool.size(); b++) {
            for (int r = 0; r < pool.get(b).size(); r++) {
                refs[k++] = new int[] {b, r};
            }
        }
        for (int i = held - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int[] t = refs[i];
            refs[i] = refs[j];
            refs[j] = t;
        }
        boolean last = nextSplit >= splits.size();
        int full = held / batchSize;
        int emitted = last ? held : full * batchSize;
        for (int start = 0; start < emitted; start += batchSize) {
            int size = Math.min(batchSize, emitted - start);
            EventBlock batch = EventBlock.allocate(size, kind.readsParticles());
            for (int i = 0; i < size; i++) {
                int[] ref = refs[start + i];
                batch.copyEvent(pool.get(ref[0]), ref[1], i);
            }
            ready.add(batch);
        }
        EventBlock rest = EventBlock.allocate(held - emitted, kind.readsParticles());
        for (int i = emitted; i < held; i++) {
            rest.copyEvent(pool.get(refs[i][0]), refs[i][1], i - emitted);
        }
        pool.clear();
        if (rest.size() > 0) {
            pool.add(rest);
        }
    }
}
