package dev.dlforge.llm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.DecoderModel.Step;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.engine.PagedKvCache;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.kernel.RowPool;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forward pass over the paged cache: batching, chunking and prefix sharing change no logit beyond float noise. */
class LlamaModelTest {
    @TempDir
    Path dir;

    private DecoderModel open(RandomLlamaGguf.Spec spec, RowPool pool) throws Exception {
        Path file = dir.resolve("m" + spec.hashCode() + ".gguf");
        RandomLlamaGguf.write(spec, file);
        return DecoderModels.open(file, pool);
    }

    private static float[] alone(DecoderModel m, int[] prompt) {
        KvCache cache = m.newCache(8L << 20);
        return m.forward(cache, List.of(new Step(cache.newSequence(null), prompt)))[0];
    }

    private static void close(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("logit %d", i).isCloseTo(b[i], org.assertj.core.api.Assertions.within(1e-4f));
        }
    }

    @Test
    void readsItsShapeFromMetadataAndSaysWhatItIs() throws Exception {
        try (RowPool pool = new RowPool(1); DecoderModel m = open(RandomLlamaGguf.Spec.tiny(GgmlType.Q8_0), pool)) {
            LlamaConfig c = ((LlamaModel) m).config();
            assertThat(c.heads()).isEqualTo(4);
            assertThat(c.kvHeads()).isEqualTo(2);
            assertThat(c.headDim()).isEqualTo(16);
            assertThat(m.info().vocabularySize()).isEqualTo(320);
            assertThat(m.info().tensorType()).isEqualTo("Q8_0");
            assertThat(m.info().parameters()).isEqualTo(RandomLlamaGguf.Spec.tiny(GgmlType.Q8_0).parameters());
            assertThat(m.newCache(1 << 20).bytesPerToken()).isEqualTo(2L * 2 * 32 * 4);
            assertThat(m.tokenizer().vocabularySize()).isEqualTo(320);
            assertThat(m.chatTemplate().family()).isNotBlank();
        }
    }

    @Test
    void aBatchOfSequencesGivesEachTheLogitsItGetsAloneAndChunksEqualOnePass() throws Exception {
        try (RowPool pool = new RowPool(2); DecoderModel m = open(RandomLlamaGguf.Spec.tiny(GgmlType.Q4_0), pool)) {
            int[] a = {1, 300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 311, 312, 313, 314, 315, 316, 317, 318};
            int[] b = {1, 270, 280};
            float[] aloneA = alone(m, a);
            float[] aloneB = alone(m, b);

            KvCache cache = m.newCache(8L << 20);
            KvCache.Sequence sa = cache.newSequence(null);
            KvCache.Sequence sb = cache.newSequence(null);
            float[][] first = m.forward(cache, List.of(new Step(sa, Arrays.copyOf(a, 7)), new Step(sb, b)));
            close(first[1], aloneB);
            float[][] second = m.forward(cache, List.of(new Step(sa, Arrays.copyOfRange(a, 7, a.length)), new Step(sb, new int[] {290})));
            close(second[0], aloneA);
            close(second[1], alone(m, new int[] {1, 270, 280, 290}));
            assertThat(sa.length()).isEqualTo(a.length);
        }
    }

    @Test
    void aSharedPrefixGivesTheLogitsOfComputingItAgain() throws Exception {
        try (RowPool pool = new RowPool(2); DecoderModel m = open(RandomLlamaGguf.Spec.tiny(GgmlType.F16).tied(), pool)) {
            int[] prompt = new int[40];
            for (int i = 0; i < prompt.length; i++) {
                prompt[i] = 259 + (i * 7) % 61;
            }
            KvCache cache = m.newCache(8L << 20);
            m.forward(cache, List.of(new Step(cache.newSequence(null), prompt)));
            KvCache.Sequence again = cache.newSequence(prompt);
            assertThat(again.reusedPrefix()).isEqualTo(32);
            float[] shared = m.forward(cache, List.of(new Step(again, Arrays.copyOfRange(prompt, 32, 40))))[0];
            close(shared, alone(m, prompt));
        }
    }

    @Test
    void aStepPastTheContextOrTheCacheSaysSo() throws Exception {
        try (RowPool pool = new RowPool(1); DecoderModel m = open(RandomLlamaGguf.Spec.tiny(GgmlType.F32), pool)) {
            KvCache small = m.newCache(2 * 16 * m.newCache(1 << 20).bytesPerToken());
            assertThatThrownBy(() -> m.forward(small, List.of(new Step(small.newSequence(null), new int[40]))))
                    .isInstanceOf(KvCache.OutOfBlocks.class);
            KvCache cache = m.newCache(8L << 20);
            assertThatThrownBy(() -> m.forward(cache, List.of(new Step(cache.newSequence(null), new int[300]))))
                    .hasMessageContaining("exceeds the model's context of 256");
            assertThatThrownBy(() -> m.forward(cache, List.of(new Step(cache.newSequence(null), new int[] {320}))))
                    .hasMessageContaining("outside the vocabulary");
            assertThat(((PagedKvCache) cache).freeBlocks()).isEqualTo(((PagedKvCache) cache).totalBlocks());
        }
    }
}
