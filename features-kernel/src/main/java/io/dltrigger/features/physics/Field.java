package io.dltrigger.features.physics;

/**
 * Every Delphes member the selection and the features read, in one fixed order. A field belongs to a
 * collection role (whose branch name is configuration) and names a Delphes member; its event-table
 * column is {@code BRANCH_MEMBER}.
 */
public enum Field {
    ELE_PT(Collection.ELECTRON, "PT"),
    ELE_ETA(Collection.ELECTRON, "Eta"),
    ELE_PHI(Collection.ELECTRON, "Phi"),
    ELE_CHARGE(Collection.ELECTRON, "Charge", true),
    MU_PT(Collection.MUON, "PT"),
    MU_ETA(Collection.MUON, "Eta"),
    MU_PHI(Collection.MUON, "Phi"),
    MU_CHARGE(Collection.MUON, "Charge", true),
    JET_PT(Collection.JET, "PT"),
    JET_ETA(Collection.JET, "Eta"),
    JET_PHI(Collection.JET, "Phi"),
    JET_BTAG(Collection.JET, "BTag", true),
    MET(Collection.MISSING_ET, "MET"),
    MET_PHI(Collection.MISSING_ET, "Phi"),
    TRK_PT(Collection.TRACK, "PT"),
    TRK_ETA(Collection.TRACK, "Eta"),
    TRK_PHI(Collection.TRACK, "Phi"),
    TRK_PID(Collection.TRACK, "PID", true),
    TRK_X(Collection.TRACK, "X"),
    TRK_Y(Collection.TRACK, "Y"),
    TRK_Z(Collection.TRACK, "Z"),
    PHO_ET(Collection.PHOTON, "ET"),
    PHO_ETA(Collection.PHOTON, "Eta"),
    PHO_PHI(Collection.PHOTON, "Phi"),
    NEU_ET(Collection.NEUTRAL_HADRON, "ET"),
    NEU_ETA(Collection.NEUTRAL_HADRON, "Eta"),
    NEU_PHI(Collection.NEUTRAL_HADRON, "Phi");

    private static final Field[] ALL = values();

    private final Collection collection;
    private final String member;
    private final boolean integer;

    Field(Collection collection, String member) {
        this(collection, member, false);
    }

    Field(Collection collection, String member, boolean integer) {
        this.collection = collection;
        this.member = member;
        this.integer = integer;
    }

    public Collection collection() {
        return collection;
    }

    public String member() {
        return member;
    }

    /** Charge, PID and BTag are int32 lists in the event table; every other member is float32. */
    public boolean integer() {
        return integer;
    }

    public static Field[] all() {
        return ALL;
    }
}
