package dev.dlforge.llm.tensor;

/** The float-to-integer roundings ggml's quantisers use, each as its C expression behaves on x86-64. */
final class GgmlRounding {
    /** 1.5 * 2^23: adding it leaves the integer part of a float below 2^22 in the low mantissa bits. */
    private static final float MAGIC = 12582912f;

    private GgmlRounding() {
    }

    /** ggml's {@code nearest_int}: round half to even through the float adder, for |f| <= 4194303. */
    static int nearestInt(float f) {
        return (Float.floatToRawIntBits(f + MAGIC) & 0x007FFFFF) - 0x00400000;
    }

    /** C's {@code roundf}: round half away from zero (Java's Math.round rounds -2.5 to -2, roundf to -3). */
    static float roundf(float f) {
        double r = Math.floor(Math.abs((double) f) + 0.5);
        return (float) Math.copySign(r, f);
    }

    /** C's {@code (int8_t) f} as gcc compiles it: truncate towards zero to 32 bits (NaN → 0), keep the low byte. */
    static int toInt8(float f) {
        return (byte) (Float.isNaN(f) ? 0 : (int) f);
    }
}
