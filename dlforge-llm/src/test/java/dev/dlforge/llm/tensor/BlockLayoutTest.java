package dev.dlforge.llm.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Blocks packed by hand from the published layouts (ggml-common.h; gguf.md), with scales that are powers of two so
 * that every expected value is exact: what each codec decodes must be d * scale * q - dmin * min to the bit.
 */
class BlockLayoutTest {
    private static final short ONE = 0x3C00;
    private static final short HALF = 0x3800;
    private static final short TWO = 0x4000;

    private static ByteBuffer block(GgmlType type) {
        return ByteBuffer.allocate(type.blockBytes()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static float[] decode(GgmlType type, ByteBuffer b) {
        return RowCodec.of(type).dequantise(b, type.blockSize());
    }

    @Test
    void q8_0IsScaleTimesSignedByte() {
        ByteBuffer b = block(GgmlType.Q8_0).putShort(0, HALF);
        for (int j = 0; j < 32; j++) {
            b.put(2 + j, (byte) (j * 8 - 128));
        }
        float[] x = decode(GgmlType.Q8_0, b);
        for (int j = 0; j < 32; j++) {
            assertThat(x[j]).isEqualTo((j * 8 - 128) * 0.5f);
        }
    }

    @Test
    void q4_0HoldsElementJInTheLowNibbleAndJPlus16InTheHighOne() {
        int[] q = new int[32];
        ByteBuffer b = block(GgmlType.Q4_0).putShort(0, TWO);
        for (int e = 0; e < 32; e++) {
            q[e] = e * 7 % 16;
        }
        for (int j = 0; j < 16; j++) {
            b.put(2 + j, (byte) (q[j] | q[j + 16] << 4));
        }
        float[] x = decode(GgmlType.Q4_0, b);
        for (int e = 0; e < 32; e++) {
            assertThat(x[e]).as("element %d", e).isEqualTo((q[e] - 8) * 2f);
        }
    }

    @Test
    void q4_1AddsItsMinToScaledNibbles() {
        int[] q = new int[32];
        ByteBuffer b = block(GgmlType.Q4_1).putShort(0, (short) 0x3400).putShort(2, (short) 0xBC00); // d = 0.25, m = -1
        for (int e = 0; e < 32; e++) {
            q[e] = (e * 5 + 3) % 16;
        }
        for (int j = 0; j < 16; j++) {
            b.put(4 + j, (byte) (q[j] | q[j + 16] << 4));
        }
        float[] x = decode(GgmlType.Q4_1, b);
        for (int e = 0; e < 32; e++) {
            assertThat(x[e]).isEqualTo(q[e] * 0.25f - 1f);
        }
    }

    private static final int[] SCALES = {1, 2, 3, 63, 17, 33, 48, 63};
    private static final int[] MINS = {0, 5, 63, 1, 16, 32, 47, 62};

    /** The 12 scale bytes of Q4_K/Q5_K as ggml-common.h lays them out for 8 six-bit scales and mins. */
    private static void packKScales(ByteBuffer b) {
        for (int j = 0; j < 4; j++) {
            b.put(4 + j, (byte) (SCALES[j] | (SCALES[j + 4] >> 4) << 6));
            b.put(8 + j, (byte) (MINS[j] | (MINS[j + 4] >> 4) << 6));
            b.put(12 + j, (byte) ((SCALES[j + 4] & 15) | (MINS[j + 4] & 15) << 4));
        }
    }

    @Test
    void q4_KSubBlocksUseTheirOwnSixBitScaleAndMin() {
        ByteBuffer b = block(GgmlType.Q4_K).putShort(0, ONE).putShort(2, HALF);
        packKScales(b);
        int[] q = new int[256];
        for (int e = 0; e < 256; e++) {
            q[e] = (e * 5 + e / 32) % 16;
        }
        for (int chunk = 0; chunk < 4; chunk++) { // 32 bytes: sub-block 2c in the low nibbles, 2c + 1 in the high
            for (int l = 0; l < 32; l++) {
                b.put(16 + 32 * chunk + l, (byte) (q[64 * chunk + l] | q[64 * chunk + 32 + l] << 4));
            }
        }
        float[] x = decode(GgmlType.Q4_K, b);
        for (int e = 0; e < 256; e++) {
            assertThat(x[e]).as("element %d", e).isEqualTo(SCALES[e / 32] * q[e] - 0.5f * MINS[e / 32]);
        }
    }

    @Test
    void q5_KTakesTheFifthBitOfSubBlockJFromBitJOfQh() {
        ByteBuffer b = block(GgmlType.Q5_K).putShort(0, ONE).putShort(2, HALF);
        packKScales(b);
        int[] q = new int[256];
        for (int e = 0; e < 256; e++) {
            q[e] = (e * 11 + e / 32) % 32;
        }
        for (int e = 0; e < 256; e++) {
            int j = e / 32;
            int l = e % 32;
            b.put(16 + l, (byte) (b.get(16 + l) | (q[e] >> 4) << j));
            int at = 48 + 32 * (j / 2) + l;
            b.put(at, (byte) (b.get(at) | (q[e] & 15) << (j % 2 == 0 ? 0 : 4)));
        }
        float[] x = decode(GgmlType.Q5_K, b);
        for (int e = 0; e < 256; e++) {
            assertThat(x[e]).as("element %d", e).isEqualTo(SCALES[e / 32] * q[e] - 0.5f * MINS[e / 32]);
        }
    }

    @Test
    void q6_KSplitsSixBitsOverQlAndQhWithASignedScalePer16() {
        ByteBuffer b = block(GgmlType.Q6_K).putShort(208, (short) 0x3000); // d = 0.125, after ql[128] qh[64] scales[16]
        byte[] scales = {-128, -1, 0, 1, 127, 2, -3, 64, -64, 5, 7, -9, 11, 13, -15, 100};
        for (int s = 0; s < 16; s++) {
            b.put(192 + s, scales[s]);
        }
        int[] q = new int[256];
        for (int e = 0; e < 256; e++) {
            q[e] = (e * 13 + e / 16) % 64;
            int half = e / 128;
            int quarter = e % 128 / 32;
            int l = e % 32;
            int ql = 64 * half + l + 32 * (quarter % 2);
            b.put(ql, (byte) (b.get(ql) | (q[e] & 15) << (quarter < 2 ? 0 : 4)));
            int qh = 128 + 32 * half + l;
            b.put(qh, (byte) (b.get(qh) | (q[e] >> 4) << 2 * quarter));
        }
        float[] x = decode(GgmlType.Q6_K, b);
        for (int e = 0; e < 256; e++) {
            assertThat(x[e]).as("element %d", e).isEqualTo(0.125f * scales[e / 16] * (q[e] - 32));
        }
    }

    @Test
    void floatTypesStoreTheirBitsLittleEndian() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {0x00, 0x3C, 0x00, (byte) 0xC0, (byte) 0x80, 0x3F});
        assertThat(RowCodec.of(GgmlType.F16).dequantise(b, 3)).containsExactly(1f, -2f, Half.toFloat((short) 0x3F80));
        assertThat(RowCodec.of(GgmlType.BF16).dequantise(b, 3)).containsExactly(Float.intBitsToFloat(0x3C000000),
                Float.intBitsToFloat(0xC0000000), 1f);
        assertThat(RowCodec.of(GgmlType.F32).dequantise(ByteBuffer.wrap(new byte[] {0, 0, (byte) 0x80, 0x3F}), 1)).containsExactly(1f);
    }
}
