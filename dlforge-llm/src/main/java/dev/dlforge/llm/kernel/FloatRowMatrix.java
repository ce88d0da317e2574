package dev.dlforge.llm.kernel;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/**
 * Weights multiplied in floats: each row decoded by {@link #row} into a reused array, then dotted with the input as
 * the type reads it ({@link #input}): {@code y[b][r] = sum_c row_r[c] * x_b[c]}. F32, F16 and the types without an
 * integer kernel.
 */
abstract class FloatRowMatrix extends WeightMatrix {
    FloatRowMatrix(String name, ByteBuffer data, int rows, int cols, GgmlType type) {
        super(name, data, rows, cols, type);
    }

    @Override
    void prepare(MatInput in) {
    }

    /** Input {@code b} as this type's products read it (the activations themselves unless overridden). */
    float[] input(MatInput in, int b) {
        return in.x[b];
    }

    @Override
    void multiplyRows(MatInput in, float[][] out, int outOffset, int from, int to) {
        float[] w = new float[cols];
        for (int r = from; r < to; r++) {
            row(r, w);
            for (int b = 0; b < in.batch; b++) {
                out[b][outOffset + r] = FloatDot.dot(w, input(in, b), cols);
            }
        }
    }
}
