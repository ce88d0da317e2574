package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/**
 * Q8_0: blocks of 32 = f16 d, int8 q[32]; x = d * q, with d = max|x| / 127 and q = round(x / d) (ggml's
 * {@code quantize_row_q8_0_ref}, {@code dequantize_row_q8_0}).
 */
final class Q8_0Codec extends BlockCodec {
    private static final int QK = 32;

    Q8_0Codec() {
        super(GgmlType.Q8_0);
    }

    @Override
    void decodeBlock(ByteBuffer in, int at, float[] out, int o) {
        float d = Half.toFloat(in.getShort(at));
        for (int j = 0; j < QK; j++) {
            out[o + j] = in.get(at + 2 + j) * d;
        }
    }

    @Override
    void encodeBlock(float[] in, int i, ByteBuffer out, int at) {
        float amax = 0;
        for (int j = 0; j < QK; j++) {
            float a = Math.abs(in[i + j]);
            amax = amax > a ? amax : a;
        }
        float d = amax / 127;
        float id = d != 0 ? 1.0f / d : 0.0f;
        out.putShort(at, Half.fromFloat(d));
        for (int j = 0; j < QK; j++) {
            out.put(at + 2 + j, (byte) GgmlRounding.toInt8(GgmlRounding.roundf(in[i + j] * id)));
        }
    }
}
