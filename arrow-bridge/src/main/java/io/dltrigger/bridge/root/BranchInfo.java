package io.dltrigger.bridge.root;

/**
 * A leaf branch of a tree and how it maps to Arrow.
 *
 * @param name        full branch name, e.g. {@code Jet.PT} for a Delphes member, {@code NJet} for a scalar
 * @param title       the leaf title as stored, e.g. {@code PT[Jet_]} or {@code Jet_Px[NJet]/F}
 * @param valueType   element type, or null when unsupported
 * @param shape       scalar, fixed-size array, or jagged (counter-sized array, std::vector, collection member)
 * @param fixedLength elements per entry for {@link Shape#FIXED}, else 0
 * @param unsupportedReason why the branch cannot be read, or null when it can
 */
public record BranchInfo(
        String name, String title, ValueType valueType, Shape shape, int fixedLength, String unsupportedReason) {
    public enum Shape {
        SCALAR,
        FIXED,
        JAGGED,
        UNSUPPORTED
    }

    public boolean supported() {
        return unsupportedReason == null;
    }

    /** Human-readable type, e.g. {@code float32}, {@code float32[3]}, {@code list<float32>}. */
    public String typeName() {
        return switch (shape) {
            case SCALAR -> valueType.id();
            case FIXED -> valueType.id() + "[" + fixedLength + "]";
            case JAGGED -> "list<" + valueType.id() + ">";
            case UNSUPPORTED -> "unsupported (" + unsupportedReason + ")";
        };
    }

    static BranchInfo unsupported(String name, String title, String reason) {
        return new BranchInfo(name, title, null, Shape.UNSUPPORTED, 0, reason);
    }
}
