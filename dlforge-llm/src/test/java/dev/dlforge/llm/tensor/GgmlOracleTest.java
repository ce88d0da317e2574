package dev.dlforge.llm.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our codecs against llama.cpp's own ggml (the library de.kherud:llama bundles), byte for byte and bit for bit. */
class GgmlOracleTest {
    @BeforeAll
    static void oracle() {
        assumeTrue(GgmlOracle.available(), "no C compiler or no Linux x86-64 llama.cpp library: ReferenceDigestsTest still runs");
    }

    @ParameterizedTest
    @EnumSource(GgmlType.class)
    void quantisedBytesEqualLlamaCpps(GgmlType type) throws Exception {
        GgmlOracle ggml = GgmlOracle.get().orElseThrow();
        RowCodec codec = RowCodec.of(type);
        for (long seed = 1; seed <= 6; seed++) {
            float[] x = TestRows.corners(seed);
            assertSameBytes(type + ", corner rows of seed " + seed, codec.quantise(x), ggml.quantise(type, x));
        }
        float[] big = TestRows.gaussian(7, 256 * 64, 0.05);
        assertSameBytes(type + ", gaussian rows", codec.quantise(big), ggml.quantise(type, big));
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F16", "BF16"})
    void halfConversionsEqualGgmlsOnEveryHalfAndOnRandomFloatBits(GgmlType type) throws Exception {
        GgmlOracle ggml = GgmlOracle.get().orElseThrow();
        RowCodec codec = RowCodec.of(type);
        SplittableRandom r = new SplittableRandom(42);
        float[] x = new float[1 << 20];
        for (int i = 0; i < x.length; i++) {
            // every exponent (NaNs, infinities, subnormals) and the ties: low 13 (half) or 16 (bf16) bits at a midpoint
            int bits = r.nextInt();
            x[i] = Float.intBitsToFloat(i % 4 == 0 ? bits & ~0x1FFF | 0x1000 : i % 4 == 1 ? bits & ~0xFFFF | 0x8000 : bits);
        }
        assertSameBytes(type + ", random float bits", codec.quantise(x), ggml.quantise(type, x));
        byte[] every = new byte[2 << 16];
        for (int h = 0; h < 1 << 16; h++) {
            every[2 * h] = (byte) h;
            every[2 * h + 1] = (byte) (h >>> 8);
        }
        float[] ours = codec.dequantise(ByteBuffer.wrap(every), 1 << 16);
        float[] theirs = ggml.dequantise(type, every, 1 << 16);
        for (int h = 0; h < 1 << 16; h++) {
            assertThat(Float.floatToRawIntBits(ours[h])).as("%s 0x%04x", type, h).isEqualTo(Float.floatToRawIntBits(theirs[h]));
        }
    }

    /** Names the first differing byte and its block instead of printing kilobytes of arrays. */
    static void assertSameBytes(String what, byte[] ours, byte[] theirs) {
        assertThat(ours.length).as(what + ": length").isEqualTo(theirs.length);
        for (int i = 0; i < ours.length; i++) {
            if (ours[i] != theirs[i]) {
                throw new AssertionError(what + ": byte " + i + " differs: ours " + ours[i] + ", llama.cpp " + theirs[i]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(GgmlType.class)
    void dequantisedFloatsEqualLlamaCppsBitForBit(GgmlType type) throws Exception {
        GgmlOracle ggml = GgmlOracle.get().orElseThrow();
        RowCodec codec = RowCodec.of(type);
        int n = 256 * 32;
        byte[] random = new byte[(int) type.bytes(n)];
        new SplittableRandom(type.id()).nextBytes(random);
        byte[] quantised = codec.quantise(TestRows.corners(3));
        for (byte[] bytes : new byte[][] {random, quantised}) {
            int count = (int) (bytes.length / type.blockBytes() * type.blockSize());
            float[] ours = codec.dequantise(ByteBuffer.wrap(bytes), count);
            float[] theirs = ggml.dequantise(type, bytes, count);
            for (int i = 0; i < count; i++) {
                if (Float.floatToRawIntBits(ours[i]) != Float.floatToRawIntBits(theirs[i])) {
                    throw new AssertionError(type + " element " + i + ": ours " + Integer.toHexString(Float.floatToRawIntBits(ours[i]))
                            + ", llama.cpp " + Integer.toHexString(Float.floatToRawIntBits(theirs[i])));
                }
            }
        }
    }
}
