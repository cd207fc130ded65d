package io.dltrigger.generator.rootio;

/**
 * One member (or base class) of a class layout, as a TStreamerElement subclass describes it.
 *
 * @param rootClass the TStreamerElement subclass (TStreamerBasicType, TStreamerBase, ...)
 * @param type ROOT's type code (kInt = 3, kFloat = 5, kBase = 0, kTObject = 66, ...)
 * @param base for a base class element, the base's layout (its version and checksum are streamed)
 * @param countName for a counted pointer ({@code Long64_t* x; //[n]}), the counter member
 * @param countClass the class holding the counter, at version {@code countVersion}
 */
record StreamerElement(
        String rootClass,
        String name,
        String title,
        int type,
        int size,
        String typeName,
        ClassLayout base,
        String countName,
        String countClass,
        int countVersion) {

    // ROOT's TVirtualStreamerInfo::EReadWrite codes used here.
    static final int K_BASE = 0;
    static final int K_SHORT = 2;
    static final int K_INT = 3;
    static final int K_FLOAT = 5;
    static final int K_COUNTER = 6;
    static final int K_DOUBLE = 8;
    static final int K_UCHAR = 11;
    static final int K_UINT = 13;
    static final int K_BITS = 15;
    static final int K_LONG64 = 16;
    static final int K_BOOL = 18;
    static final int K_OFFSET_P = 40;
    static final int K_OBJECT = 61;
    static final int K_ANY = 62;
    static final int K_OBJECT_P = 64;
    static final int K_TSTRING = 65;
    static final int K_TOBJECT = 66;
    static final int K_TNAMED = 67;

    static StreamerElement base(ClassLayout base, String title) {
        int type = switch (base.name()) {
            case "TObject" -> K_TOBJECT;
            case "TNamed" -> K_TNAMED;
            default -> K_BASE;
        };
        return new StreamerElement("TStreamerBase", base.name(), title, type, 0, "BASE", base, null, null, 0);
    }

    static StreamerElement basic(String name, String title, int type, String typeName) {
        return new StreamerElement(
                "TStreamerBasicType", name, title, type, sizeOf(type), typeName, null, null, null, 0);
    }

    static StreamerElement tstring(String name, String title) {
        return new StreamerElement("TStreamerString", name, title, K_TSTRING, 24, "TString", null, null, null, 0);
    }

    static StreamerElement object(String name, String title, String typeName, int size) {
        return new StreamerElement("TStreamerObject", name, title, K_OBJECT, size, typeName, null, null, null, 0);
    }

    static StreamerElement objectAny(String name, String title, String typeName, int size) {
        return new StreamerElement("TStreamerObjectAny", name, title, K_ANY, size, typeName, null, null, null, 0);
    }

    static StreamerElement pointer(String name, String title, String typeName) {
        return new StreamerElement("TStreamerObjectPointer", name, title, K_OBJECT_P, 8, typeName, null, null, null, 0);
    }

    /** A basic-type array whose length is another member ({@code //[countName]} in the title). */
    static StreamerElement countedArray(
            String name,
            String title,
            int elementType,
            String typeName,
            String countName,
            String countClass,
            int countVersion) {
        return new StreamerElement(
                "TStreamerBasicPointer",
                name,
                title,
                K_OFFSET_P + elementType,
                sizeOf(elementType),
                typeName,
                null,
                countName,
                countClass,
                countVersion);
    }

    boolean isBase() {
        return base != null;
    }

    private static int sizeOf(int type) {
        return switch (type) {
            case K_UCHAR, K_BOOL -> 1;
            case K_SHORT -> 2;
            case K_LONG64, K_DOUBLE -> 8;
            default -> 4;
        };
    }
}
