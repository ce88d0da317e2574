package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/**
 * Q5_K: super-blocks of 256 = f16 d, f16 dmin, 12 bytes of scales and mins ({@link KScales}), u8 qh[32], u8 qs[128];
 * x = d s_j q - dmin m_j with 5-bit q: the low 4 bits as in Q4_K, the fifth bit of element l of sub-block j in bit j of
 * qh[l] (ggml's {@code quantize_row_q5_K_ref}: make_qkx2_quants with nmax 31, 16 trial scales from nmax - 0.5).
 */
final class Q5_KCodec extends BlockCodec {
    private static final int QH = 4 + KScales.BYTES;
    private static final int QS = QH + 32;

    Q5_KCodec() {
        super(GgmlType.Q5_K);
    }

    @Override
    void decodeBlock(ByteBuffer in, int at, float[] out, int o) {
        float d = Half.toFloat(in.getShort(at));
        float dmin = Half.toFloat(in.getShort(at + 2));
        for (int pair = 0; pair < 4; pair++) {
            int j = 2 * pair;
            float d1 = d * KScales.scale(in, at + 4, j);
            float m1 = dmin * KScales.min(in, at + 4, j);
            float d2 = d * KScales.scale(in, at + 4, j + 1);
            float m2 = dmin * KScales.min(in, at + 4, j + 1);
            int y = o + 64 * pair;
            for (int l = 0; l < 32; l++) {
                int b = in.get(at + QS + 32 * pair + l) & 0xFF;
                int h = in.get(at + QH + l) & 0xFF;
                out[y + l] = d1 * ((b & 0xF) + ((h >>> j & 1) << 4)) - m1;
                out[y + 32 + l] = d2 * ((b >>> 4) + ((h >>> (j + 1) & 1) << 4)) - m2;
            }
        }
    }

    @Override
    void encodeBlock(float[] in, int i, ByteBuffer out, int at) {
        int[] levels = KScales.quantiseSuperBlock(in, i, 31, -0.5f, 0.1f, 15, out, at);
        byte[] qh = new byte[32];
        for (int pair = 0; pair < 4; pair++) {
            for (int l = 0; l < 32; l++) {
                int l1 = levels[64 * pair + l];
                int l2 = levels[64 * pair + 32 + l];
                qh[l] |= (byte) ((l1 >>> 4) << (2 * pair) | (l2 >>> 4) << (2 * pair + 1));
                out.put(at + QS + 32 * pair + l, (byte) ((l1 & 0xF) | (l2 & 0xF) << 4));
            }
        }
        out.put(at + QH, qh);
    }
}
