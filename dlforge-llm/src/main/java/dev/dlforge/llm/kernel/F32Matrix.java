package dev.dlforge.llm.kernel;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/** F32 weights: each row copied into a reused float array (a bulk copy), then a float dot product. */
final class F32Matrix extends FloatRowMatrix {
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
    public void row(int r, float[] dst) {
        floats.get(r * cols, dst, 0, cols);
    }
}
