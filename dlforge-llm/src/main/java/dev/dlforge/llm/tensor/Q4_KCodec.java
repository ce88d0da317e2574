package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/**
 * Q4_K: super-blocks of 256 = f16 d, f16 dmin, 12 bytes of 6-bit scales s_j and mins m_j ({@link KScales}), u8 qs[128];
 * sub-block j (32 elements) decodes as x = d s_j q - dmin m_j. Each 32 bytes of qs hold two sub-blocks: the first in
 * the low nibbles, the next in the high ones (ggml's {@code quantize_row_q4_K_ref}: make_qkx2_quants with nmax 15,
 * 21 trial scales from nmax - 1 in steps of 0.1).
 */
final class Q4_KCodec extends BlockCodec {
    private static final int QK = 256;
    private static final int QS = 4 + KScales.BYTES;

    Q4_KCodec() {
        super(GgmlType.Q4_K);
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
            int q = at + QS + 32 * pair;
            int y = o + 64 * pair;
            for (int l = 0; l < 32; l++) {
                int b = in.get(q + l) & 0xFF;
                out[y + l] = d1 * (b & 0xF) - m1;
                out[y + 32 + l] = d2 * (b >>> 4) - m2;
            }
        }
    }

    @Override
    void encodeBlock(float[] in, int i, ByteBuffer out, int at) {
        int[] levels = KScales.quantiseSuperBlock(in, i, 15, -1f, 0.1f, 20, out, at);
        for (int pair = 0; pair < 4; pair++) {
            for (int l = 0; l < 32; l++) {
                out.put(at + QS + 32 * pair + l, (byte) (levels[64 * pair + l] | levels[64 * pair + 32 + l] << 4));
            }
        }
    }
}
