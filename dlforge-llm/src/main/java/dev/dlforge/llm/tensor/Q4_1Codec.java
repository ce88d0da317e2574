package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/**
 * Q4_1: blocks of 32 = f16 d, f16 m, u8 qs[16] (nibbles as in Q4_0); x = d * q + m, with m = min x,
 * d = (max x - min x) / 15 and q = min(15, trunc((x - m) / d + 0.5)) (ggml's {@code quantize_row_q4_1_ref}).
 */
final class Q4_1Codec extends BlockCodec {
    private static final int QK = 32;

    Q4_1Codec() {
        super(GgmlType.Q4_1);
    }

    @Override
    void decodeBlock(ByteBuffer in, int at, float[] out, int o) {
        float d = Half.toFloat(in.getShort(at));
        float m = Half.toFloat(in.getShort(at + 2));
        for (int j = 0; j < QK / 2; j++) {
            int q = in.get(at + 4 + j) & 0xFF;
            out[o + j] = (q & 0x0F) * d + m;
            out[o + j + QK / 2] = (q >>> 4) * d + m;
        }
    }

    @Override
    void encodeBlock(float[] in, int i, ByteBuffer out, int at) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int j = 0; j < QK; j++) {
            float v = in[i + j];
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        float d = (max - min) / 15;
        float id = d != 0 ? 1.0f / d : 0.0f;
        out.putShort(at, Half.fromFloat(d));
        out.putShort(at + 2, Half.fromFloat(min));
        for (int j = 0; j < QK / 2; j++) {
            int lo = Math.min(15, GgmlRounding.toInt8((in[i + j] - min) * id + 0.5f));
            int hi = Math.min(15, GgmlRounding.toInt8((in[i + j + QK / 2] - min) * id + 0.5f));
            out.put(at + 4 + j, (byte) ((lo & 0xFF) | hi << 4));
        }
    }
}
