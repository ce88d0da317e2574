package dev.dlforge.llm.tensor;

import java.nio.ByteBuffer;

/**
 * The 12 bytes of 6-bit scales and mins that Q4_K and Q5_K keep for their 8 sub-blocks of 32 (ggml's
 * {@code get_scale_min_k4}): sub-blocks 0-3 hold scale and min in the low 6 bits of bytes j and j + 4; sub-blocks 4-7
 * hold their low 4 bits in byte j + 4 (scale low nibble, min high nibble) and their top 2 bits in the top bits of
 * bytes j - 4 (scale) and j (min).
 */
public final class KScales {
    public static final int BYTES = 12;
    static final int SUB_BLOCKS = 8;

    private KScales() {
    }

    /** Sub-block {@code j}'s 6-bit scale. */
    public static int scale(ByteBuffer in, int at, int j) {
        if (j < 4) {
            return in.get(at + j) & 63;
        }
        return (in.get(at + j + 4) & 0xF) | ((in.get(at + j - 4) & 0xFF) >>> 6) << 4;
    }

    /** Sub-block {@code j}'s 6-bit min. */
    public static int min(ByteBuffer in, int at, int j) {
        if (j < 4) {
            return in.get(at + j + 4) & 63;
        }
        return ((in.get(at + j + 4) & 0xFF) >>> 4) | ((in.get(at + j) & 0xFF) >>> 6) << 4;
    }

    /** Packs 8 scales and 8 mins (each 0-63) as {@link #scale} and {@link #min} read them. */
    static void put(ByteBuffer out, int at, int[] scales, int[] mins) {
        byte[] packed = new byte[BYTES];
        for (int j = 0; j < SUB_BLOCKS; j++) {
            int ls = scales[j];
            int lm = mins[j];
            if (j < 4) {
                packed[j] = (byte) ls;
                packed[j + 4] = (byte) lm;
            } else {
                packed[j + 4] = (byte) ((ls & 0xF) | (lm & 0xF) << 4);
                packed[j - 4] |= (byte) ((ls >>> 4) << 6);
                packed[j] |= (byte) ((lm >>> 4) << 6);
            }
        }
        out.put(at, packed);
    }

    /**
     * The quantisation both k-quants share: fit each sub-block of 32 with {@link ScaleSearch#minAndScale}, quantise the
     * 8 scales and 8 mins to 6 bits against their largest (d = max scale / 63, dmin = max min / 63, both f16), then
     * requantise the elements against the rounded scales, L = clamp(round((x + dmin m) / (d s)), 0, nmax).
     * Writes d, dmin and the scales at {@code at}; returns the levels.
     */
    static int[] quantiseSuperBlock(float[] x, int xo, int nmax, float rmin, float rdelta, int nstep, ByteBuffer out, int at) {
        int[] levels = new int[SUB_BLOCKS * 32];
        float[] scales = new float[SUB_BLOCKS];
        float[] mins = new float[SUB_BLOCKS];
        float[] weights = new float[32];
        float[] theMin = new float[1];
        float maxScale = 0;
        float maxMin = 0;
        for (int j = 0; j < SUB_BLOCKS; j++) {
            int s = xo + 32 * j;
            float sumX2 = 0;
            for (int l = 0; l < 32; l++) {
                sumX2 += x[s + l] * x[s + l];
            }
            float avX = (float) Math.sqrt(sumX2 / 32);
            for (int l = 0; l < 32; l++) {
                weights[l] = avX + Math.abs(x[s + l]);
            }
            scales[j] = ScaleSearch.minAndScale(32, nmax, x, s, weights, levels, 32 * j, theMin, rmin, rdelta, nstep, false);
            mins[j] = theMin[0];
            if (scales[j] > maxScale) {
                maxScale = scales[j];
            }
            if (mins[j] > maxMin) {
                maxMin = mins[j];
            }
        }
        float invScale = maxScale > 0 ? 63.f / maxScale : 0.f;
        float invMin = maxMin > 0 ? 63.f / maxMin : 0.f;
        int[] ls = new int[SUB_BLOCKS];
        int[] lm = new int[SUB_BLOCKS];
        for (int j = 0; j < SUB_BLOCKS; j++) {
            // ggml stores nearest_int in a uint8_t before clamping to 63
            ls[j] = Math.min(63, GgmlRounding.nearestInt(invScale * scales[j]) & 0xFF);
            lm[j] = Math.min(63, GgmlRounding.nearestInt(invMin * mins[j]) & 0xFF);
        }
        short d = Half.fromFloat(maxScale / 63.f);
        short dmin = Half.fromFloat(maxMin / 63.f);
        out.putShort(at, d);
        out.putShort(at + 2, dmin);
        put(out, at + 4, ls, lm);
        for (int j = 0; j < SUB_BLOCKS; j++) {
            float dj = Half.toFloat(d) * ls[j];
            if (dj == 0) {
                continue; // ggml keeps the fit's levels here
            }
            float dmj = Half.toFloat(dmin) * lm[j];
            for (int ii = 0; ii < 32; ii++) {
                int l = GgmlRounding.nearestInt((x[xo + 32 * j + ii] + dmj) / dj);
                levels[32 * j + ii] = Math.max(0, Math.min(nmax, l));
            }
        }
        return levels;
    }
}
