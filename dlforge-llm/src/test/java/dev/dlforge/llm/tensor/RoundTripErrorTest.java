package dev.dlforge.llm.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quantise then dequantise gaussian weights: the error of each type, and their order, as ggml's types are known to rank. */
class RoundTripErrorTest {
    private static double rmse(GgmlType type, float[] x) {
        RowCodec codec = RowCodec.of(type);
        float[] y = codec.dequantise(ByteBuffer.wrap(codec.quantise(x)), x.length);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - y[i]) * (double) (x[i] - y[i]);
        }
        return Math.sqrt(sum / x.length);
    }

    @Test
    void errorsRankAsGgmlsTypesDoAndStayWithinTheirBounds() {
        float[] x = TestRows.gaussian(11, 256 * 256, 1.0);
        Map<GgmlType, Double> e = new EnumMap<>(GgmlType.class);
        for (GgmlType t : GgmlType.values()) {
            e.put(t, rmse(t, x));
        }
        assertThat(e.get(GgmlType.F32)).isZero();
        // llama.cpp's perplexity ranking: F16 ~ Q8_0 < Q6_K < Q5_K < Q4_K < Q4_0; Q4_1 (5 bits with its min) beats Q4_0
        assertThat(e.get(GgmlType.F16)).isLessThan(e.get(GgmlType.BF16)).isLessThan(e.get(GgmlType.Q8_0));
        assertThat(e.get(GgmlType.Q8_0)).isLessThan(e.get(GgmlType.Q6_K));
        assertThat(e.get(GgmlType.Q6_K)).isLessThan(e.get(GgmlType.Q5_K));
        assertThat(e.get(GgmlType.Q5_K)).isLessThan(e.get(GgmlType.Q4_K));
        assertThat(e.get(GgmlType.Q4_K)).isLessThan(e.get(GgmlType.Q4_1));
        assertThat(e.get(GgmlType.Q4_1)).isLessThan(e.get(GgmlType.Q4_0));
        // bounds (sigma = 1) 10% above the measured rmse (F16 2.08e-4, BF16 1.66e-3, Q8_0 5.34e-3, Q6_K 1.78e-2,
        // Q5_K 3.61e-2, Q4_K 7.11e-2, Q4_1 7.79e-2, Q4_0 8.59e-2), so a regression in a quantiser's search shows
        Map<GgmlType, Double> bound = Map.of(GgmlType.F16, 2.3e-4, GgmlType.BF16, 1.85e-3, GgmlType.Q8_0, 5.9e-3,
                GgmlType.Q6_K, 1.95e-2, GgmlType.Q5_K, 3.95e-2, GgmlType.Q4_K, 7.8e-2, GgmlType.Q4_1, 8.6e-2, GgmlType.Q4_0, 9.4e-2);
        bound.forEach((t, b) -> assertThat(e.get(t)).as("%s rmse %s", t, e).isLessThan(b));
    }
}
