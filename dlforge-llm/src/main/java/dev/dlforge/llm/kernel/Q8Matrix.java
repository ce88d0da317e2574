package dev.dlforge.llm.kernel;

import dev.dlforge.llm.tensor.Half;
import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/**
 * Q8_0 weights (blocks of 32: f16 d, int8 q[32]) times Q8_0 activations: {@code sum_blocks dw * da * sum_j qw[j] qa[j]}
 * (llama.cpp's {@code ggml_vec_dot_q8_0_q8_0}).
 */
final class Q8Matrix extends IntegerDotMatrix {
    static final int BLOCK_BYTES = 34;

    Q8Matrix(String name, ByteBuffer data, int rows, int cols) {
        super(name, data, rows, cols, GgmlType.Q8_0, 32);
    }

    @Override
    public GgmlType type() {
        return GgmlType.Q8_0;
    }

    @Override
    void dots(PackedBlocks p, int row, MatInput in, float[][] out, int col) {
        VectorDots.q8(p, row, in, out, col);
    }

    @Override
    float scalar(int off, short[] qa, float[] da, int blocks) {
        float acc = 0;
        for (int blk = 0; blk < blocks; blk++) {
            int o = off + blk * BLOCK_BYTES;
            int sum = 0;
            for (int j = 0; j < 32; j++) {
                sum += data.get(o + 2 + j) * qa[blk * 32 + j];
            }
            acc += Half.toFloat(data.getShort(o)) * da[blk] * sum;
        }
        return acc;
    }

    @Override
    public void row(int r, float[] dst) {
        int off = r * rowBytes;
        for (int blk = 0; blk < cols / 32; blk++) {
            int o = off + blk * BLOCK_BYTES;
            float d = Half.toFloat(data.getShort(o));
            for (int j = 0; j < 32; j++) {
                dst[blk * 32 + j] = d * data.get(o + 2 + j);
            }
        }
    }
}
