package io.dltrigger.generator.event;

/** One member of a Delphes collection: a float (Float_t) or an int (Int_t / UInt_t) leaf per object. */
public record Member(String name, boolean integer) {
    public static Member f(String name) {
        return new Member(name, false);
    }

    public static Member i(String name) {
        return new Member(name, true);
    }
}
