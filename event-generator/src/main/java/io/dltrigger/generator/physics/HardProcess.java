package io.dltrigger.generator.physics;

import io.dltrigger.contract.EventClass;

/** The hard scattering of one sample: fills jet seeds and pieces, transversely balanced. */
interface HardProcess {
    void generate(Rng rng, HardEvent event);

    static HardProcess of(EventClass sample) {
        return switch (sample) {
            case QCD -> new QcdProcess();
            case TTBAR -> new TopPairProcess();
            case WJETS -> new WJetsProcess();
        };
    }
}
