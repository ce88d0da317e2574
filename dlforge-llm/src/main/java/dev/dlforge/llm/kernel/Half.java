package dev.dlforge.llm.kernel;

/**
 * IEEE 754 half precision (ggml's f16) to and from float, without Java 20's {@code Float.float16ToFloat}: a table of
 * all 65,536 values (ggml's {@code ggml_table_f32_f16}) and round-to-nearest-even conversion back.
 */
public final class Half {
    private static final float[] TABLE = new float[1 << 16];

    static {
        for (int h = 0; h < TABLE.length; h++) {
            TABLE[h] = compute((short) h);
        }
    }

    private Half() {
    }

    public static float toFloat(short h) {
        return TABLE[h & 0xFFFF];
    }

    private static float compute(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits >>> 15) << 31;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** The nearest half (ties to even), as ggml's {@code GGML_FP32_TO_FP16} on x86 (F16C's round-to-nearest). */
    public static short fromFloat(float f) {
        int x = Float.floatToRawIntBits(f);
        int sign = (x >>> 16) & 0x8000;
        int abs = x & 0x7FFFFFFF;
        if (abs >= 0x7F800000) {
            return (short) (sign | 0x7C00 | (abs > 0x7F800000 ? 0x200 : 0));
        }
        if (abs >= 0x477FF000) { // rounds to 65520 or more: infinity
            return (short) (sign | 0x7C00);
        }
        if (abs < 0x38800000) { // below the smallest normal half: a subnormal, rounded at 2^-24
            int v = Math.round(Float.intBitsToFloat(abs) * 0x1p24f);
            float exact = Float.intBitsToFloat(abs) * 0x1p24f;
            if (exact - (float) Math.floor(exact) == 0.5f && (v & 1) == 1) {
                v--;
            }
            return (short) (sign | v);
        }
        int mant = abs & 0x7FFFFF;
        int exp = (abs >>> 23) - 112;
        int h = (exp << 10) | (mant >>> 13);
        int rest = mant & 0x1FFF;
        if (rest > 0x1000 || rest == 0x1000 && (h & 1) == 1) {
            h++;
        }
        return (short) (sign | h);
    }

    /** {@code f} rounded to half precision and back. */
    public static float round(float f) {
        return toFloat(fromFloat(f));
    }
}
