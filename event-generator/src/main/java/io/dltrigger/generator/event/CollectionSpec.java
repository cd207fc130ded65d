package io.dltrigger.generator.event;

import java.util.List;

/** A Delphes collection (split TClonesArray) and the members the pipeline reads. */
public record CollectionSpec(String name, List<Member> members) {
    public CollectionSpec {
        members = List.copyOf(members);
    }
}
