package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/** F32: the float's own 4 bytes. */
final class F32Codec extends BlockCodec {
    F32Codec() {
        super(GgmlType.F32);
    }

    @Override
    void decodeBlock(ByteBuffer in, int at, float[] out, int o) {
        out[o] = in.getFloat(at);
    }

    @Override
    void encodeBlock(float[] in, int i, ByteBuffer out, int at) {
        out.putFloat(at, in[i]);
    }
}
