package dev.dlforge.llm.kernel;

import dev.dlforge.llm.tensor.Half;
import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/**
 * Q4_0 weights (blocks of 32: f16 d, u8 qs[16]; element j is the low nibble of qs[j], element j + 16 the high one,
 * value {@code d * (q - 8)}) times Q8_0 activations (llama.cpp's {@code ggml_vec_dot_q4_0_q8_0}).
 */
final class Q4Matrix extends IntegerDotMatrix {
    static final int BLOCK_BYTES = 18;

    Q4Matrix(String name, ByteBuffer data, int rows, int cols) {
        super(name, data, rows, cols, GgmlType.Q4_0, 16);
    }

    @Override
    public GgmlType type() {
        return GgmlType.Q4_0;
    }

    @Override
    void dots(PackedBlocks p, int row, MatInput in, float[][] out, int col) {
        VectorDots.q4(p, row, in, out, col);
    }

    @Override
    float scalar(int off, short[] qa, float[] da, int blocks) {
        float acc = 0;
        for (int blk = 0; blk < blocks; blk++) {
            int o = off + blk * BLOCK_BYTES;
            int sum = 0;
            for (int j = 0; j < 16; j++) {
                int q = data.get(o + 2 + j) & 0xFF;
                sum += ((q & 0x0F) - 8) * qa[blk * 32 + j] + ((q >>> 4) - 8) * qa[blk * 32 + j + 16];
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
            for (int j = 0; j < 16; j++) {
                int q = data.get(o + 2 + j) & 0xFF;
                dst[blk * 32 + j] = d * ((q & 0x0F) - 8);
                dst[blk * 32 + j + 16] = d * ((q >>> 4) - 8);
            }
        }
    }
}
