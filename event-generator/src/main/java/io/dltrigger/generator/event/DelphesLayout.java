package io.dltrigger.generator.event;

import static io.dltrigger.generator.event.Member.f;
import static io.dltrigger.generator.event.Member.i;

import java.util.List;

/** The collections and members of the Delphes tree that the pipeline reads (PHYSICS.md). */
public final class DelphesLayout {
    public static final String TREE = "Delphes";

    public static final List<CollectionSpec> COLLECTIONS = List.of(
            new CollectionSpec("Electron", List.of(f("PT"), f("Eta"), f("Phi"), i("Charge"))),
            new CollectionSpec("MuonTight", List.of(f("PT"), f("Eta"), f("Phi"), i("Charge"))),
            new CollectionSpec("Jet", List.of(f("PT"), f("Eta"), f("Phi"), i("BTag"))),
            new CollectionSpec("MissingET", List.of(f("MET"), f("Phi"))),
            new CollectionSpec("EFlowTrack", List.of(f("PT"), f("Eta"), f("Phi"), i("PID"), f("X"), f("Y"), f("Z"))),
            new CollectionSpec("EFlowPhoton", List.of(f("ET"), f("Eta"), f("Phi"))),
            new CollectionSpec("EFlowNeutralHadron", List.of(f("ET"), f("Eta"), f("Phi"))));

    private DelphesLayout() {}

    public static CollectionSpec collection(String name) {
        return COLLECTIONS.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Delphes collection " + name));
    }
}
