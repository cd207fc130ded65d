package io.dltrigger.generator.rootio;

import static io.dltrigger.generator.rootio.StreamerElement.K_FLOAT;
import static io.dltrigger.generator.rootio.StreamerElement.K_INT;
import static io.dltrigger.generator.rootio.StreamerElement.K_LONG64;
import static io.dltrigger.generator.rootio.StreamerElement.K_UINT;

import io.dltrigger.generator.event.CollectionSpec;
import io.dltrigger.generator.event.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Delphes classes held by each collection's TClonesArray (Jet holds Jet objects, EFlowTrack holds Track,
 * EFlowPhoton and EFlowNeutralHadron hold Tower), reduced to the members we write.
 */
final class DelphesClasses {
    /**
     * Our classes carry a subset of Delphes' members, so they must not share a version number with Delphes'
     * own (all below 10): ROOT with the Delphes library loaded then treats ours as another on-file version and
     * matches members by name, instead of assuming the same layout under a different checksum.
     */
    static final int REDUCED_CLASS_VERSION = 100;

    static final ClassLayout SORTABLE_OBJECT = new ClassLayout(
            "SortableObject", 1, List.of(StreamerElement.base(RootClasses.TOBJECT, "Basic ROOT object")));
    /** Delphes' Event class, complete (version 1); only Event.Number gets a branch. */
    static final ClassLayout EVENT = new ClassLayout(
            "Event",
            1,
            List.of(
                    StreamerElement.base(RootClasses.TOBJECT, "Basic ROOT object"),
                    StreamerElement.basic("Number", "event number", K_LONG64, "Long64_t"),
                    StreamerElement.basic("ReadTime", "read time", K_FLOAT, "float"),
                    StreamerElement.basic("ProcTime", "processing time", K_FLOAT, "float")));

    private static final Map<String, String> CLASS_OF_COLLECTION = Map.of(
            "Electron",
            "Electron",
            "MuonTight",
            "Muon",
            "Jet",
            "Jet",
            "MissingET",
            "MissingET",
            "EFlowTrack",
            "Track",
            "EFlowPhoton",
            "Tower",
            "EFlowNeutralHadron",
            "Tower");
    /** Delphes derives these straight from TObject; the others from SortableObject. */
    private static final Set<String> TOBJECT_CLASSES = Set.of("MissingET");
    /** Members Delphes declares UInt_t (the other integers are Int_t). */
    private static final Set<String> UNSIGNED = Set.of("Jet.BTag");

    private final Map<String, ClassLayout> byCollection = new LinkedHashMap<>();
    private final Map<String, ClassLayout> byClass = new LinkedHashMap<>();

    DelphesClasses(List<CollectionSpec> collections) {
        for (CollectionSpec c : collections) {
            String className = CLASS_OF_COLLECTION.getOrDefault(c.name(), c.name());
            ClassLayout layout = layoutOf(className, c.members());
            ClassLayout same = byClass.putIfAbsent(className, layout);
            if (same != null && !same.equals(layout)) {
                throw new IllegalArgumentException("collection " + c.name() + " holds class " + className
                        + " with members " + c.members() + ", but another collection holds it with other members");
            }
            byCollection.put(c.name(), layout);
        }
    }

    ClassLayout of(String collection) {
        return byCollection.get(collection);
    }

    /** SortableObject, Event and the collection classes, bases first. */
    List<ClassLayout> all() {
        List<ClassLayout> all = new ArrayList<>(List.of(SORTABLE_OBJECT, EVENT));
        all.addAll(byClass.values());
        return all;
    }

    private static ClassLayout layoutOf(String className, List<Member> members) {
        List<StreamerElement> elements = new ArrayList<>();
        elements.add(
                TOBJECT_CLASSES.contains(className)
                        ? StreamerElement.base(RootClasses.TOBJECT, "Basic ROOT object")
                        : StreamerElement.base(SORTABLE_OBJECT, ""));
        for (Member m : members) {
            if (!m.integer()) {
                elements.add(StreamerElement.basic(m.name(), "", K_FLOAT, "float"));
            } else if (UNSIGNED.contains(className + "." + m.name())) {
                elements.add(StreamerElement.basic(m.name(), "", K_UINT, "unsigned int"));
            } else {
                elements.add(StreamerElement.basic(m.name(), "", K_INT, "int"));
            }
        }
        return new ClassLayout(className, REDUCED_CLASS_VERSION, elements);
    }
}
