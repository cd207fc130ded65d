package io.dltrigger.training.data;

import io.dltrigger.contract.FeaturesTableContract;

/**
 * A block of events held as flat primitive arrays (one row group, or a buffer of several), so that batches
 * are filled by array copies instead of per-event objects. {@code particles} is null when not read.
 */
public record EventBlock(int size, int[] labels, float[] hlf, float[] particles, int[] nParticles) {

    public EventBlock {
        if (labels.length < size
                || hlf.length < (long) size * FeaturesTableContract.N_HLF
                || nParticles.length < size
                || (particles != null && particles.length < (long) size * FeaturesTableContract.PARTICLE_VALUES)) {
            throw new IllegalArgumentException("event block arrays smaller than its size " + size);
        }
    }

    public static EventBlock allocate(int size, boolean withParticles) {
        return new EventBlock(
                size,
                new int[size],
                new float[size * FeaturesTableContract.N_HLF],
                withParticles ? new float[Math.multiplyExact(size, FeaturesTableContract.PARTICLE_VALUES)] : null,
                new int[size]);
    }

    public boolean hasParticles() {
        return particles != null;
    }

    /** Copies event {@code from} of {@code src} into slot {@code to} of this block. */
    public void copyEvent(EventBlock src, int from, int to) {
        labels[to] = src.labels[from];
        nParticles[to] = src.nParticles[from];
        System.arraycopy(
                src.hlf,
                from * FeaturesTableContract.N_HLF,
                hlf,
                to * FeaturesTableContract.N_HLF,
                FeaturesTableContract.N_HLF);
        if (particles != null) {
            System.arraycopy(
                    src.particles,
                    from * FeaturesTableContract.PARTICLE_VALUES,
                    particles,
                    to * FeaturesTableContract.PARTICLE_VALUES,
                    FeaturesTableContract.PARTICLE_VALUES);
        }
    }
}
