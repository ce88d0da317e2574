package dev.dlforge.llm.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.llm.gguf.GgmlType;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bit-exactness where no C compiler is at hand: SHA-256 of llama.cpp's bytes for {@code TestRows.corners(1..3)} (12,288
 * values), recorded from {@link GgmlOracle} (llama.cpp in de.kherud:llama 4.2.0). Where the oracle runs,
 * {@link #theRecordedDigestsAreLlamaCpps} checks the record itself, so it cannot go stale unnoticed.
 */
class ReferenceDigestsTest {
    static final Map<GgmlType, String> LLAMA_CPP = Map.of(
            GgmlType.F32, "4e54fe942816d760db0606d9d1210d7816081539e1f4405271a254d581fbb5bb",
            GgmlType.F16, "86e0fe8f700c4247818b2a0cd63a3f99053d9a6ad5e48c44ad7100eb505e88d6",
            GgmlType.BF16, "26ccb03b5a6646d9d400805c28c1ee4a52b6f7f8036559f451ba2083fdfd2980",
            GgmlType.Q8_0, "0c55ceea3932248d01b92a485f8922a438df5ded05a8543751eded3a71a14b94",
            GgmlType.Q4_0, "56bd508032a9b9bfe47a810667a6f09d95666f44702a6961e221304b47befec9",
            GgmlType.Q4_1, "ef739231aff1dda5c097e13354791d4495376a5408d16d5b7c98059fdc3c6b36",
            GgmlType.Q4_K, "97dc229452c12015e8f59aee55d227cba5a0e903deed4b2c6b4a597503b2dd54",
            GgmlType.Q5_K, "0f0f34895af666ec315f4676118f40776e6814992aba172e7b9465f8632f74be",
            GgmlType.Q6_K, "5067cee7ea9035ac85f6b48e1b7dfed3572aff9d4dc12ad72f31542e69eaf0f3");

    static float[] input() {
        float[] x = new float[3 * 16 * 256];
        for (int seed = 1; seed <= 3; seed++) {
            System.arraycopy(TestRows.corners(seed), 0, x, (seed - 1) * 16 * 256, 16 * 256);
        }
        return x;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @ParameterizedTest
    @EnumSource(GgmlType.class)
    void ourBytesHaveLlamaCppsDigest(GgmlType type) throws Exception {
        assertThat(sha256(RowCodec.of(type).quantise(input()))).as(type.toString()).isEqualTo(LLAMA_CPP.get(type));
    }

    @Test
    void theRecordedDigestsAreLlamaCpps() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(GgmlOracle.available(), "no C compiler: the digests stand as recorded");
        StringBuilder actual = new StringBuilder();
        for (GgmlType type : GgmlType.values()) {
            actual.append("GgmlType.").append(type).append(", \"").append(sha256(GgmlOracle.get().orElseThrow().quantise(type, input())))
                    .append("\",\n");
        }
        StringBuilder recorded = new StringBuilder();
        for (GgmlType type : GgmlType.values()) {
            recorded.append("GgmlType.").append(type).append(", \"").append(LLAMA_CPP.get(type)).append("\",\n");
        }
        assertThat(recorded.toString()).isEqualTo(actual.toString());
    }
}
