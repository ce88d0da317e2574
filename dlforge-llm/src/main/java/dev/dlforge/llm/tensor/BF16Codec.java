package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/** BF16: one bfloat16 per element ({@link BFloat16}). */
final class BF16Codec extends BlockCodec {
    BF16Codec() {
        super(GgmlType.BF16);
    }

    @Override
    void decodeBlock(ByteBuffer in, int at, float[] out, int o) {
        out[o] = BFloat16.toFloat(in.getShort(at));
    }

    @Override
    void encodeBlock(float[] in, int i, ByteBuffer out, int at) {
        out.putShort(at, BFloat16.fromFloat(in[i]));
    }
}
