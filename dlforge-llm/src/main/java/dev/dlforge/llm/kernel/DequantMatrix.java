package dev.dlforge.llm.kernel;

import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.tensor.RowCodec;
import java.nio.ByteBuffer;

/**
 * Weights of a type without an integer kernel (BF16; Q4_1, Q4_K, Q5_K and Q6_K when the Vector API is absent, see
 * {@link FusedDequantMatrix}): each row is dequantised by the type's {@link RowCodec} (bit-exact to ggml's
 * {@code dequantize_row_*}) into a reused float array, then dotted with the float activations. Correct for every type;
 * slower than the integer kernels of Q8_0 and Q4_0 and the fused ones.
 */
class DequantMatrix extends FloatRowMatrix {
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
    public void row(int r, float[] dst) {
        codec.dequantise(data, (long) r * cols, dst, 0, cols);
    }
}
