package io.dltrigger.bridge.root;

import io.dltrigger.shaded.laurelin.root_proxy.SimpleType;
import io.dltrigger.shaded.laurelin.root_proxy.TBranch;
import java.util.regex.Pattern;

/** Decides how a leaf branch is decoded: element type and shape, or why it cannot be. */
final class BranchTypes {
    /** A fixed array inside a collection member, e.g. branch {@code Tower.Edges[4]}: Laurelin flattens it. */
    private static final Pattern ARRAY_IN_COLLECTION = Pattern.compile(".*\\.\\w+\\[\\d+\\]$");

    private BranchTypes() {}

    static BranchInfo describe(TBranch b) {
        String name = b.getName();
        String title = b.getTitle();
        if (ARRAY_IN_COLLECTION.matcher(name).matches()) {
            return BranchInfo.unsupported(
                    name,
                    title,
                    "fixed-size array inside a collection member (Laurelin returns it flat, losing the per-object grouping)");
        }
        ValueType type;
        try {
            type = fromLaurelin(b.getSimpleType());
        } catch (RuntimeException e) {
            // Laurelin throws "Unknown fType" for some basic streamer types it does not map (kBits, kLong64).
            Integer code = b.getStreamerType();
            type = code == null ? null : ValueType.fromStreamerType(code);
            if (code != null && code == 15) {
                return BranchInfo.unsupported(
                        name,
                        title,
                        "TObject::fBits (kBits): objects flagged kIsReferenced"
                                + " store 2 extra bytes per element, which fixed-width decoding would misread");
            }
            if (code != null && (code == 61 || code == 62 || code == 63 || code == 64)) {
                return BranchInfo.unsupported(
                        name, title, "object reference (TRef/TRefArray, streamer type " + code + ")");
            }
            if (type == null) {
                return BranchInfo.unsupported(
                        name, title, b.getClassName() + " with streamer type " + code + " (" + e.getMessage() + ")");
            }
        }
        if (type == null) {
            return BranchInfo.unsupported(name, title, "no element type for " + b.getClassName() + " '" + title + "'");
        }
        TBranch.ArrayDescriptor array = b.getArrayDescriptor();
        if (array == null) {
            return new BranchInfo(name, title, type, BranchInfo.Shape.SCALAR, 0, null);
        }
        if (array.isFixed()) {
            return new BranchInfo(name, title, type, BranchInfo.Shape.FIXED, array.getFixedLength(), null);
        }
        return new BranchInfo(name, title, type, BranchInfo.Shape.JAGGED, 0, null);
    }

    private static ValueType fromLaurelin(SimpleType t) {
        if (t == null) {
            return null;
        }
        SimpleType base = t.getBaseType();
        if (is(base, SimpleType.Bool)) {
            return ValueType.BOOL;
        } else if (is(base, SimpleType.Int8)) {
            return ValueType.INT8;
        } else if (is(base, SimpleType.Int16)) {
            return ValueType.INT16;
        } else if (is(base, SimpleType.Int32)) {
            return ValueType.INT32;
        } else if (is(base, SimpleType.Int64)) {
            return ValueType.INT64;
        } else if (is(base, SimpleType.UInt8)) {
            return ValueType.UINT8;
        } else if (is(base, SimpleType.UInt16)) {
            return ValueType.UINT16;
        } else if (is(base, SimpleType.UInt32)) {
            return ValueType.UINT32;
        } else if (is(base, SimpleType.UInt64)) {
            return ValueType.UINT64;
        } else if (is(base, SimpleType.Float32)) {
            return ValueType.FLOAT32;
        } else if (is(base, SimpleType.Float64)) {
            return ValueType.FLOAT64;
        }
        return null;
    }

    private static boolean is(SimpleType t, SimpleType kind) {
        return t.getClass() == kind.getClass();
    }
}
