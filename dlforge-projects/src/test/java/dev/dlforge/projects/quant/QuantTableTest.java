package dev.dlforge.projects.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.DecoderModel.Step;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.kernel.RowPool;
import dev.dlforge.llm.model.DecoderModels;
import dev.dlforge.llm.model.RandomLlamaGguf;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantTableTest {
    @TempDir
    Path dir;

    @Test
    void batchedPerplexityEqualsOneWindowAtATime() throws Exception {
        Path file = dir.resolve("tiny.gguf");
        RandomLlamaGguf.write(RandomLlamaGguf.Spec.tiny(GgmlType.F32), file);
        int context = 16;
        int[] tokens = new SplittableRandom(3).ints(11 * context + 1, RandomLlamaGguf.FIRST_PIECE, 320).toArray();
        try (RowPool pool = new RowPool(2); DecoderModel model = DecoderModels.open(file, pool)) {
            double batched = QuantTable.perplexity(model, tokens, context);
            double nll = 0;
            int scored = 0;
            for (int w = 0; w < 11; w++) { // 11 windows: a batch of 8 and one of 3
                KvCache cache = model.newCache(8L << 20);
                KvCache.Sequence seq = cache.newSequence(new int[0]);
                for (int t = 0; t < context - 1; t++) {
                    float[] logits = model.forward(cache, List.of(new Step(seq, new int[] {tokens[w * context + t]})))[0];
                    nll -= QuantTable.logProbability(logits, tokens[w * context + t + 1]);
                    scored++;
                }
            }
            assertThat(batched).isCloseTo(Math.exp(nll / scored), within(1e-9 * batched));
            assertThat(batched).as("random weights predict random tokens badly").isGreaterThan(10);
        }
    }

    @Test
    void logProbabilityIsALogSoftmax() {
        assertThat(QuantTable.logProbability(new float[] {0, 0, 0, 0}, 2)).isCloseTo(Math.log(0.25), within(1e-12));
        assertThat(QuantTable.logProbability(new float[] {1000, 0}, 0)).isCloseTo(0, within(1e-12));
    }

    @Test
    void theOrderingVerdictFollowsTheDeltas() {
        List<QuantTable.Row> ordered = List.of(row("F32", 0), row("F16", 0.001), row("Q8_0", 0.01), row("Q6_K", 0.1), row("Q5_K", 0.3),
                row("Q4_K", 1), row("Q4_0", 3));
        assertThat(QuantReport.orderingHolds(ordered)).isTrue();
        assertThat(QuantReport.verdict(ordered)).startsWith("llama.cpp's ordering holds");
        List<QuantTable.Row> swapped = List.of(row("F32", 0), row("Q8_0", 0.01), row("Q6_K", 0.5), row("Q5_K", 0.3), row("Q4_0", 3));
        assertThat(QuantReport.orderingHolds(swapped)).isFalse();
        assertThat(QuantReport.verdict(swapped)).contains("does **not** hold").contains("Q8_0 < Q5_K < Q6_K < Q4_0");
    }

    private static QuantTable.Row row(String type, double delta) {
        return new QuantTable.Row(type, 1000, 10 * (1 + delta / 100), delta, 100);
    }
}
