package io.dltrigger.filter.model;

import io.dltrigger.contract.ModelRegistryContract;
import io.dltrigger.training.model.ModelKind;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which version of a kind the registry publishes: the version named by the kind's pointer
 * ({@code current-KIND.json}), which the registry replaces by an atomic rename after the version's folder is
 * complete. Reading the pointer and then loading that version's folder never sees a half-published model.
 */
public final class PublishedModels {
    private PublishedModels() {}

    /** The published version of {@code kind}, if the registry publishes one. */
    public static Optional<String> current(Path registry, ModelKind kind) {
        return ModelRegistryContract.current(registry, kind.name()).map(ModelRegistryContract.Current::version);
    }
}
