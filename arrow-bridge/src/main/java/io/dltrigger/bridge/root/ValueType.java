package io.dltrigger.bridge.root;

import io.dltrigger.shaded.laurelin.interpretation.AsDtype.Dtype;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Element types the reader decodes, with Laurelin's decoding type and the Arrow type they become. */
public enum ValueType {
    BOOL("bool", Dtype.BOOL, ArrowType.Bool.INSTANCE),
    INT8("int8", Dtype.INT1, new ArrowType.Int(8, true)),
    INT16("int16", Dtype.INT2, new ArrowType.Int(16, true)),
    INT32("int32", Dtype.INT4, new ArrowType.Int(32, true)),
    INT64("int64", Dtype.INT8, new ArrowType.Int(64, true)),
    UINT8("uint8", Dtype.UINT1, new ArrowType.Int(8, false)),
    UINT16("uint16", Dtype.UINT2, new ArrowType.Int(16, false)),
    UINT32("uint32", Dtype.UINT4, new ArrowType.Int(32, false)),
    UINT64("uint64", Dtype.UINT8, new ArrowType.Int(64, false)),
    FLOAT32("float32", Dtype.FLOAT4, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
    FLOAT64("float64", Dtype.FLOAT8, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));

    private final String id;
    private final Dtype dtype;
    private final ArrowType arrowType;

    ValueType(String id, Dtype dtype, ArrowType arrowType) {
        this.id = id;
        this.dtype = dtype;
        this.arrowType = arrowType;
    }

    public String id() {
        return id;
    }

    Dtype dtype() {
        return dtype;
    }

    public ArrowType arrowType() {
        return arrowType;
    }

    public boolean unsigned() {
        return this == UINT8 || this == UINT16 || this == UINT32 || this == UINT64;
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
