package dev.dlforge.llm.kernel;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/** F32 weights: each row copied into a reused float array (a bulk copy), then a float dot product. */
final class F32Matrix extends WeightMatrix {
    private final FloatBuffer floats;

    F32Matrix(String name, ByteBuffer data, int rows, int cols) {
        super(name, data, rows, cols, GgmlType.F32);
        this.floats = data.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }

    @Override
    public GgmlType type() {
        return GgmlType.F32;
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
        floats.get(r * cols, dst, 0, cols);
    }
}
