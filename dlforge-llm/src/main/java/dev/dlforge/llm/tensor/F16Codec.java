package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/** F16: one IEEE half per element ({@link Half}). */
final class F16Codec extends BlockCodec {
    F16Codec() {
        super(GgmlType.F16);
    }

    @Override
    void decodeBlock(ByteBuffer in, int at, float[] out, int o) {
        out[o] = Half.toFloat(in.getShort(at));
    }

    @Override
    void encodeBlock(float[] in, int i, ByteBuffer out, int at) {
        out.putShort(at, Half.fromFloat(in[i]));
    }
}
