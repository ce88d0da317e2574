package dev.dlforge.llm.tensor;

/**
 * bfloat16 (the top 16 bits of a binary32) to and from float, bit-exact to ggml's {@code ggml_compute_fp32_to_bf16}
 * and {@code ggml_compute_bf16_to_fp32}: round to nearest, ties to even, subnormals kept (not flushed), a NaN kept
 * NaN by setting its quiet bit (its top mantissa bits survive).
 */
public final class BFloat16 {
    private BFloat16() {
    }

    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        if ((bits & 0x7FFFFFFF) > 0x7F800000) {
            return (short) ((bits >>> 16) | 0x40);
        }
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }

    public static float toFloat(short b) {
        return Float.intBitsToFloat(b << 16);
    }
}
