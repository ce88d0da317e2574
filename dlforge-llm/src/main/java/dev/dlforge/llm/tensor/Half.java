package dev.dlforge.llm.tensor;

/**
 * IEEE 754 binary16 ("half", ggml's {@code ggml_fp16_t}) to and from binary32, bit-exact to ggml's
 * {@code GGML_FP32_TO_FP16} and {@code GGML_FP16_TO_FP32} (ggml-impl.h, after Maratyszcza's FP16).
 *
 * <p>float → half rounds to nearest, ties to even; magnitudes from 65520 up become infinity; results below 2^-14 are
 * subnormal multiples of 2^-24 (rounded the same way, never flushed to zero); every NaN becomes the quiet NaN
 * {@code 0x7E00} with the input's sign. half → float is exact; a NaN keeps its payload and becomes quiet, as ggml's
 * scaled multiply makes it.
 */
public final class Half {
    private static final int FLOAT_INF = 0x7F800000;
    /** 65520 = 65504 + half an ulp: the tie between the largest half and 2^16 goes to the even one, infinity. */
    private static final int FLOAT_OVERFLOW = 0x477FF000;
    /** 2^-14, the smallest normal half. */
    private static final int FLOAT_MIN_NORMAL_HALF = 0x38800000;
    /** Exponent bias difference, 127 - 15, in float exponent position. */
    private static final int REBIAS = 112 << 23;

    private Half() {
    }

    /** The half nearest {@code f}, as its 16 bits. */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7FFFFFFF;
        if (abs > FLOAT_INF) {
            return (short) (sign | 0x7E00);
        }
        if (abs >= FLOAT_OVERFLOW) {
            return (short) (sign | 0x7C00);
        }
        if (abs < FLOAT_MIN_NORMAL_HALF) {
            // a subnormal half counts units of 2^-24; rint is round-half-even and the product is exact in double
            return (short) (sign | (int) Math.rint(Float.intBitsToFloat(abs) * 0x1p24));
        }
        // drop 13 of the 23 mantissa bits, rounding half to even; a carry runs into the exponent as it should
        int rebiased = abs - REBIAS;
        int rounded = rebiased + 0xFFF + ((rebiased >>> 13) & 1);
        return (short) (sign | (rounded >>> 13));
    }

    /** Every half's float, as ggml's {@code ggml_table_f32_f16}: the kernels read a block scale per 32 weights. */
    private static final float[] TABLE = new float[1 << 16];

    static {
        for (int h = 0; h < TABLE.length; h++) {
            TABLE[h] = compute((short) h);
        }
    }

    /** The float equal to the half {@code h}. */
    public static float toFloat(short h) {
        return TABLE[h & 0xFFFF];
    }

    /** {@code f} rounded to half precision and back. */
    public static float round(float f) {
        return toFloat(fromFloat(f));
    }

    private static float compute(short h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            int quiet = mantissa == 0 ? 0 : 0x400000;
            return Float.intBitsToFloat(sign | FLOAT_INF | quiet | mantissa << 13);
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent << 23) + REBIAS | mantissa << 13);
    }
}
