package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/**
 * Q4_0: blocks of 32 = f16 d, u8 qs[16]; element j sits in the low nibble of qs[j], element j + 16 in the high one;
 * x = d * (q - 8). The quantiser takes d = m / -8 where m is the element of largest magnitude (sign kept), so m itself
 * maps to q = 0 exactly, and q = min(15, trunc(x / d + 8.5)) (ggml's {@code quantize_row_q4_0_ref}).
 */
final class Q4_0Codec extends BlockCodec {
    private static final int QK = 32;

    Q4_0Codec() {
        super(GgmlType.Q4_0);
    }

    @Override
    void decodeBlock(ByteBuffer in, int at, float[] out, int o) {
        float d = Half.toFloat(in.getShort(at));
        for (int j = 0; j < QK / 2; j++) {
            int q = in.get(at + 2 + j) & 0xFF;
            out[o + j] = ((q & 0x0F) - 8) * d;
            out[o + j + QK / 2] = ((q >>> 4) - 8) * d;
        }
    }

    @Override
    void encodeBlock(float[] in, int i, ByteBuffer out, int at) {
        float amax = 0;
        float max = 0;
        for (int j = 0; j < QK; j++) {
            float v = in[i + j];
            if (amax < Math.abs(v)) {
                amax = Math.abs(v);
                max = v;
            }
        }
        float d = max / -8;
        float id = d != 0 ? 1.0f / d : 0.0f;
        out.putShort(at, Half.fromFloat(d));
        for (int j = 0; j < QK / 2; j++) {
            int lo = Math.min(15, GgmlRounding.toInt8(in[i + j] * id + 8.5f));
            int hi = Math.min(15, GgmlRounding.toInt8(in[i + j + QK / 2] * id + 8.5f));
            out.put(at + 2 + j, (byte) ((lo & 0xFF) | hi << 4));
        }
    }
}
