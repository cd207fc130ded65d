package io.dltrigger.training.model;

import java.util.List;

/** The three reference classifiers and the graph inputs each one reads, in order. */
public enum ModelKind {
    /** 14 high-level features -> dense layers -> softmax 3. */
    HLF(List.of("hlf")),
    /** The particle list (801 x 19, masked) -> recurrent layer -> dropout -> softmax 3. */
    SEQUENCE(List.of("particles")),
    /** The recurrent branch (recurrent layer -> dropout) merged with the HLF (dropout) -> dense 25 -> softmax 3. */
    INCLUSIVE(List.of("particles", "hlf"));

    private final List<String> inputs;

    ModelKind(List<String> inputs) {
        this.inputs = inputs;
    }

    public List<String> inputs() {
        return inputs;
    }

    public boolean readsParticles() {
        return inputs.contains("particles");
    }
}
