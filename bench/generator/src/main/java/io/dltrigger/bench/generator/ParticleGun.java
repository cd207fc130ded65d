package io.dltrigger.bench.generator;

import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.event.DelphesLayout;
import io.dltrigger.generator.event.Member;
import java.util.SplittableRandom;

/**
 * The benchmark's anchor: events with given multiplicities per collection, every value a uniform random
 * number and no physics. It is the floor of producing in-memory events of that size; the generator's speed
 * is reported against it.
 */
final class ParticleGun {
    private final SplittableRandom random;
    private final int[] sizes;
    private long number;

    /** {@code sizes[k]} objects for collection k of {@link DelphesLayout#COLLECTIONS}. */
    ParticleGun(long seed, int[] sizes) {
        this.random = new SplittableRandom(seed);
        this.sizes = sizes.clone();
    }

    DelphesEvent next() {
        DelphesEvent e = new DelphesEvent(++number);
        for (int k = 0; k < sizes.length; k++) {
            var c = DelphesLayout.COLLECTIONS.get(k);
            for (Member m : c.members()) {
                if (m.integer()) {
                    int[] v = new int[sizes[k]];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = random.nextInt(512);
                    }
                    e.put(c.name(), m.name(), v);
                } else {
                    float[] v = new float[sizes[k]];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) random.nextDouble();
                    }
                    e.put(c.name(), m.name(), v);
                }
            }
        }
        return e;
    }
}
