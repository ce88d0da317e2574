package dev.dlforge.llm.kernel;

import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.tensor.RowCodec;
import java.nio.ByteBuffer;

/**
 * Weights of a type without a dedicated kernel (BF16, Q4_1, Q4_K, Q5_K, Q6_K): each row is dequantised by the type's
 * {@link RowCodec} (bit-exact to ggml's {@code dequantize_row_*}) into a reused float array, then dotted with the float
 * activations. Correct for every type; slower than the integer kernels of Q8_0 and Q4_0.
 */
final class DequantMatrix extends WeightMatrix {
    private final GgmlType type;
    private final RowCodec codec;

    DequantMatrix(String name, ByteBuffer data, int rows, int cols, GgmlType type) {
        super(name, data, rows, cols, type);
        this.type = type;
        this.codec = RowCodec.of(type);
    }

    @Override
    public GgmlType type() {
        return type;
    }

    @Override
    void prepare(MatInput in) {
    }

    @Override
    void multiplyRows(MatInput in, float[][] out, int outOffset, int from, int to) {
        float[] w = new float[cols];
        for (int r = from; r < to; r++) {
            row(r, w);
            for (int b = 0; b < in.batch; b++) {
                out[b][outOffset + r] = FloatDot.dot(w, in.x[b], cols);
            }
        }
    }

    @Override
    public void row(int r, float[] dst) {
        codec.dequantise(data, (long) r * cols, dst, 0, cols);
    }
}
