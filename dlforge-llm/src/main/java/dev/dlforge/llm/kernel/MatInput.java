package dev.dlforge.llm.kernel;

import dev.dlforge.llm.tensor.Half;
/**
 * The input of matrix products: {@code x}, {@code (batch, cols)}, and the forms weight types read it in, made once and
 * shared by every matrix that reads the same input (Q, K and V; gate and up).
 *
 * <p>Q8_0 form (llama.cpp's {@code quantize_row_q8_0} on AVX2): per block of 32, {@code d = max|x| / 127} stored as
 * f16, {@code q = round_half_even(x * 127 / max|x|)}; widened to shorts for the vector loops.
 */
public final class MatInput {
    final float[][] x;
    final int batch;
    final int cols;
    private short[][] q8;
    private float[][] q8Scale;
    private float[][] f16;

    public MatInput(float[][] x, int batch) {
        if (batch < 1 || batch > x.length) {
            throw new IllegalArgumentException("batch " + batch + " of " + x.length + " rows");
        }
        this.x = x;
        this.batch = batch;
        this.cols = x[0].length;
    }

    public MatInput(float[][] x) {
        this(x, x.length);
    }

    public static MatInput of(float[] x) {
        return new MatInput(new float[][] {x});
    }

    public int batch() {
        return batch;
    }

    synchronized void prepareQ8() {
        if (q8 != null) {
            return;
        }
        if (cols % 32 != 0) {
            throw new IllegalArgumentException("Q8_0 activations need a multiple of 32 columns, got " + cols);
        }
        q8 = new short[batch][cols];
        q8Scale = new float[batch][cols / 32];
        for (int b = 0; b < batch; b++) {
            quantise(x[b], q8[b], q8Scale[b]);
        }
    }

    static void quantise(float[] x, short[] q, float[] scale) {
        for (int blk = 0; blk < x.length / 32; blk++) {
            float amax = 0;
            for (int j = 0; j < 32; j++) {
                amax = Math.max(amax, Math.abs(x[blk * 32 + j]));
            }
            scale[blk] = Half.round(amax / 127f);
            float id = amax != 0 ? 127f / amax : 0f;
            for (int j = 0; j < 32; j++) {
                q[blk * 32 + j] = (short) Math.rint(x[blk * 32 + j] * id);
            }
        }
    }

    /** As llama.cpp feeds F16 weights: the activations rounded to f16. */
    synchronized void prepareF16() {
        if (f16 != null) {
            return;
        }
        f16 = new float[batch][cols];
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < cols; c++) {
                f16[b][c] = Half.round(x[b][c]);
            }
        }
    }

    short[] q8(int b) {
        return q8[b];
    }

    float[] q8Scale(int b) {
        return q8Scale[b];
    }

    float[] f16(int b) {
        return f16[b];
    }
}
