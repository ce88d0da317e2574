package dev.dlforge.core.model;

/**
 * Widening of the two 16-bit float formats to float32; both are exact (every value is representable).
 *
 * <p>IEEE binary16 (F16): 1 sign, 5 exponent (bias 15), 10 fraction bits; value
 * {@code (-1)^s * 2^(e-15) * 1.f} when normal, {@code (-1)^s * 2^-14 * 0.f} when e = 0, and
 * infinity/NaN when e = 31. bfloat16 (BF16) is the upper half of a float32, so widening is a shift.
 */
public final class HalfPrecision {
    private HalfPrecision() {}

    public static float float16ToFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int fraction = h & 0x3FF;
        if (exponent == 0x1F) {
            // infinity keeps a zero fraction; NaN keeps its payload and is made quiet, as IEEE
            // conversion (and PyTorch) does
            int quiet = fraction == 0 ? 0 : 0x00400000;
            return Float.intBitsToFloat(sign | 0x7F800000 | quiet | (fraction << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: fraction * 2^-24, exact in float32
            float magnitude = fraction * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        // normal: rebias the exponent from 15 to 127 and widen the fraction from 10 to 23 bits
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (fraction << 13));
    }

    public static float bfloat16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }
}
