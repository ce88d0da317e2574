package dev.dlforge.llm.kernel;

import dev.dlforge.llm.tensor.Half;
import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/** F16 weights: each row widened to floats, dotted with the f16-rounded activations (as llama.cpp does). */
final class F16Matrix extends FloatRowMatrix {
    F16Matrix(String name, ByteBuffer data, int rows, int cols) {
        super(name, data, rows, cols, GgmlType.F16);
    }

    @Override
    public GgmlType type() {
        return GgmlType.F16;
    }

    @Override
    void prepare(MatInput in) {
        in.prepareF16();
    }

    @Override
    float[] input(MatInput in, int b) {
        return in.f16(b);
    }

    @Override
    public void row(int r, float[] dst) {
        int o = r * rowBytes;
        for (int c = 0; c < cols; c++) {
            dst[c] = Half.toFloat(data.getShort(o + 2 * c));
        }
    }
}
