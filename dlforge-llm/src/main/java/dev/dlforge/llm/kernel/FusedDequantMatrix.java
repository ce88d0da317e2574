package dev.dlforge.llm.kernel;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Q4_1, Q4_K, Q5_K and Q6_K weights times float activations without decoding rows to memory: with the Vector API each
 * row is copied to the heap and dotted with every input by {@link FusedDots}, which dequantises it in registers to the
 * very floats the type's {@code RowCodec} gives; {@code y[b][r] = sum_c row_r[c] * x_b[c]}, as {@link DequantMatrix}
 * (the scalar path, taken when {@link Simd#ENABLED} is false) computes it, up to float summation order.
 */
final class FusedDequantMatrix extends DequantMatrix {
    private final GgmlType type;

    FusedDequantMatrix(String name, ByteBuffer data, int rows, int cols, GgmlType type) {
        super(name, data, rows, cols, type);
        if (!supports(type)) {
            throw new IllegalArgumentException(name + ": no fused kernel for " + type);
        }
        this.type = type;
    }

    /** Whether {@code type} has a fused kernel. */
    static boolean supports(GgmlType type) {
        return switch (type) {
            case Q4_1, Q4_K, Q5_K, Q6_K -> true;
            default -> false;
        };
    }

    @Override
    void multiplyRows(MatInput in, float[][] out, int outOffset, int from, int to) {
        if (!Simd.ENABLED) {
            super.multiplyRows(in, out, outOffset, from, to);
            return;
        }
        byte[] q = new byte[rowBytes];
        ByteBuffer bb = ByteBuffer.wrap(q).order(ByteOrder.LITTLE_ENDIAN);
        int blocks = cols / type.blockSize();
        for (int r = from; r < to; r++) {
            data.get(r * rowBytes, q, 0, rowBytes);
            for (int b = 0; b < in.batch; b++) {
                out[b][outOffset + r] = dot(bb, q, blocks, input(in, b));
            }
        }
    }

    private float dot(ByteBuffer bb, byte[] q, int blocks, float[] x) {
        return switch (type) {
            case Q4_1 -> FusedDots.q4_1(bb, q, blocks, x);
            case Q4_K -> FusedDots.q4k(bb, q, blocks, x);
            case Q5_K -> FusedDots.q5k(bb, q, blocks, x);
            case Q6_K -> FusedDots.q6k(bb, q, blocks, x);
            default -> throw new IllegalStateException(type.toString());
        };
    }
}
