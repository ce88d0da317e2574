package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;

/**
 * Q6_K: super-blocks of 256 = u8 ql[128] (low 4 bits), u8 qh[64] (high 2 bits), int8 scales[16] (one per sub-block of
 * 16), f16 d; x = d s_j (q - 32) with 6-bit q. In each half of 128 elements, element l (0-31) of the four quarters sits
 * in ql[l] low, ql[l + 32] low, ql[l] high, ql[l + 32] high nibble, with its high bits in bits 0-1, 2-3, 4-5, 6-7 of
 * qh[l] (ggml's {@code quantize_row_q6_K_ref}: make_qx_quants with nmax 32, scales quantised to int8 against -128).
 */
final class Q6_KCodec extends BlockCodec {
    private static final int QK = 256;
    private static final int QH = 128;
    private static final int SCALES = QH + 64;
    private static final int D = SCALES + 16;

    Q6_KCodec() {
        super(GgmlType.Q6_K);
    }

    @Override
    void decodeBlock(ByteBuffer in, int at, float[] out, int o) {
        float d = Half.toFloat(in.getShort(at + D));
        for (int half = 0; half < 2; half++) {
            int ql = at + 64 * half;
            int qh = at + QH + 32 * half;
            int sc = at + SCALES + 8 * half;
            int y = o + 128 * half;
            for (int l = 0; l < 32; l++) {
                int is = l / 16;
                int lo = in.get(ql + l) & 0xFF;
                int lo2 = in.get(ql + l + 32) & 0xFF;
                int h = in.get(qh + l) & 0xFF;
                int q1 = ((lo & 0xF) | (h & 3) << 4) - 32;
                int q2 = ((lo2 & 0xF) | (h >>> 2 & 3) << 4) - 32;
                int q3 = ((lo >>> 4) | (h >>> 4 & 3) << 4) - 32;
                int q4 = ((lo2 >>> 4) | (h >>> 6 & 3) << 4) - 32;
                out[y + l] = d * in.get(sc + is) * q1;
                out[y + l + 32] = d * in.get(sc + is + 2) * q2;
                out[y + l + 64] = d * in.get(sc + is + 4) * q3;
                out[y + l + 96] = d * in.get(sc + is + 6) * q4;
            }
        }
    }

    @Override
    void encodeBlock(float[] in, int i, ByteBuffer out, int at) {
        int[] levels = new int[QK];
        float[] scales = new float[16];
        float maxScale = 0;
        float maxAbsScale = 0;
        for (int ib = 0; ib < 16; ib++) {
            scales[ib] = ScaleSearch.symmetricScale(16, 32, in, i + 16 * ib, levels, 16 * ib);
            float abs = Math.abs(scales[ib]);
            if (abs > maxAbsScale) {
                maxAbsScale = abs;
                maxScale = scales[ib];
            }
        }
        if (maxAbsScale < ScaleSearch.GROUP_MAX_EPS) {
            out.put(at, new byte[getTypeBytes()]);
            return;
        }
        float iscale = -128.f / maxScale;
        short d = Half.fromFloat(1 / iscale);
        out.putShort(at + D, d);
        byte[] sc = new byte[16];
        for (int ib = 0; ib < 16; ib++) {
            sc[ib] = (byte) Math.min(127, GgmlRounding.nearestInt(iscale * scales[ib]));
        }
        out.put(at + SCALES, sc);
        for (int j = 0; j < 16; j++) {
            float dj = Half.toFloat(d) * sc[j];
            if (dj == 0) {
                continue;
            }
            for (int ii = 0; ii < 16; ii++) {
                int l = GgmlRounding.nearestInt(in[i + 16 * j + ii] / dj);
                levels[16 * j + ii] = Math.max(-32, Math.min(31, l)) + 32;
            }
        }
        for (int half = 0; half < 2; half++) {
            int base = 128 * half;
            for (int l = 0; l < 32; l++) {
                int q1 = levels[base + l];
                int q2 = levels[base + l + 32];
                int q3 = levels[base + l + 64];
                int q4 = levels[base + l + 96];
                out.put(at + 64 * half + l, (byte) ((q1 & 0xF) | (q3 & 0xF) << 4));
                out.put(at + 64 * half + l + 32, (byte) ((q2 & 0xF) | (q4 & 0xF) << 4));
                out.put(at + QH + 32 * half + l, (byte) (q1 >>> 4 | (q2 >>> 4) << 2 | (q3 >>> 4) << 4 | (q4 >>> 4) << 6));
            }
        }
    }

    private int getTypeBytes() {
        return type().blockBytes();
    }
}
