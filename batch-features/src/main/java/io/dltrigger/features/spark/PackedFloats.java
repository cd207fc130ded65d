package io.dltrigger.features.spark;

import org.apache.spark.unsafe.Platform;

/**
 * Floats packed as bytes in the platform's order, for the job's internal stage only (written and read
 * by the same job, on machines of one byte order); the published tables use list&lt;float&gt;.
 */
final class PackedFloats {
    private PackedFloats() {}

    static byte[] pack(float[] values, int n) {
        byte[] b = new byte[n * 4];
        Platform.copyMemory(values, Platform.FLOAT_ARRAY_OFFSET, b, Platform.BYTE_ARRAY_OFFSET, n * 4L);
        return b;
    }

    static float get(byte[] packed, int i) {
        return Platform.getFloat(packed, Platform.BYTE_ARRAY_OFFSET + 4L * i);
    }
}
