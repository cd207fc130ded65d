package io.dltrigger.bridge.root;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Element types the reader decodes, and the Arrow type they become. */
public enum ValueType {
    BOOL("bool", ArrowType.Bool.INSTANCE),
    INT8("int8", new ArrowType.Int(8, true)),
    INT16("int16", new ArrowType.Int(16, true)),
    INT32("int32", new ArrowType.Int(32, true)),
    INT64("int64", new ArrowType.Int(64, true)),
    UINT8("uint8", new ArrowType.Int(8, false)),
    UINT16("uint16", new ArrowType.Int(16, false)),
    UINT32("uint32", new ArrowType.Int(32, false)),
    UINT64("uint64", new ArrowType.Int(64, false)),
    FLOAT32("float32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
    FLOAT64("float64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));

    private final String id;
    private final ArrowType arrowType;

    ValueType(String id, ArrowType arrowType) {
        this.id = id;
        this.arrowType = arrowType;
    }

    public String id() {
        return id;
    }

    public ArrowType arrowType() {
        return arrowType;
    }

    /** Bytes per element on disk (ROOT, big-endian) and in Arrow. */
    public int width() {
        return switch (this) {
            case BOOL, INT8, UINT8 -> 1;
            case INT16, UINT16 -> 2;
            case INT32, UINT32, FLOAT32 -> 4;
            case INT64, UINT64, FLOAT64 -> 8;
        };
    }

    /**
     * The type of a TStreamerInfo basic type code (TVirtualStreamerInfo::EReadWrite), for branch
     * elements whose type Laurelin does not map itself (kBits = 15, kLong64 = 16, kULong64 = 17).
     */
    static ValueType fromStreamerType(int code) {
        return switch (code) {
            case 1 -> INT8;
            case 2 -> INT16;
            case 3, 6 -> INT32;
            case 4, 16 -> INT64;
            case 5 -> FLOAT32;
            case 8 -> FLOAT64;
            case 11 -> UINT8;
            case 12 -> UINT16;
            case 13, 15 -> UINT32;
            case 14, 17 -> UINT64;
            case 18 -> BOOL;
            default -> null;
        };
    }
}
