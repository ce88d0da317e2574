package dev.dlforge.llm.kernel;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/**
 * Weights in blocks of 32 with one f16 scale each (Q4_0, Q8_0) multiplied as llama.cpp does: the activations quantised
 * to Q8_0 ({@link MatInput}), then per block {@code dw * da * sum_j qw[j] qa[j]}, the sum taken in integers.
 *
 * <p>The vector loops read the blocks {@link PackedBlocks packed} (once at load time when the heap has room, else row
 * by row) and decode each weight block once for up to four inputs of the batch.
 */
abstract class IntegerDotMatrix extends WeightMatrix {
    protected final int blocks;
    private final int quantBytes;
    private final PackedBlocks packed;

    IntegerDotMatrix(String name, ByteBuffer data, int rows, int cols, GgmlType type, int quantBytes) {
        super(name, data, rows, cols, type);
        this.blocks = cols / 32;
        this.quantBytes = quantBytes;
        this.packed = Simd.ENABLED ? PackedBlocks.all(data, rows, blocks, quantBytes) : null;
    }

    /** Whether the whole matrix was packed at load time (else rows are packed as they are multiplied). */
    boolean packedAtLoad() {
        return packed != null;
    }

    @Override
    final void prepare(MatInput in) {
        in.prepareQ8();
    }

    @Override
    final void multiplyRows(MatInput in, float[][] out, int outOffset, int from, int to) {
        if (!Simd.ENABLED) {
            for (int r = from; r < to; r++) {
                for (int b = 0; b < in.batch; b++) {
                    out[b][outOffset + r] = scalar(r * rowBytes, in.q8(b), in.q8Scale(b), blocks);
                }
            }
            return;
        }
        PackedBlocks rowCopy = packed == null ? PackedBlocks.row(blocks, quantBytes) : null;
        for (int r = from; r < to; r++) {
            if (rowCopy != null) {
                rowCopy.pack(data, r, 0);
            }
            dots(rowCopy != null ? rowCopy : packed, rowCopy != null ? 0 : r, in, out, outOffset + r);
        }
    }

    /** {@code out[b][col] = row . x[b]} for every input, row {@code row} of {@code p}, by the vector loops. */
    abstract void dots(PackedBlocks p, int row, MatInput in, float[][] out, int col);

    /** The scalar loop over the GGUF blocks at byte {@code off} (the path without the Vector API; tests compare the two). */
    abstract float scalar(int off, short[] qa, float[] da, int blocks);
}
