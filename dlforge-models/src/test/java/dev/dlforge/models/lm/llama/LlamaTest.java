package dev.dlforge.models.lm.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.models.lm.LanguageModel;
import org.junit.jupiter.api.Test;

class LlamaTest {
    static final LlamaConfig TINY = LlamaConfig.tiny(50);

    @Test
    void logitsHaveTheVocabularyAndParametersMatchTheConfig() {
        try (NDManager m = Engines.newManager()) {
            Engines.seed(3);
            Llama llama = Llama.create(TINY, m);
            assertThat(llama.parameterCount()).isEqualTo(TINY.parameters());
            Llama tied = Llama.create(new LlamaConfig(64, 2, 4, 1, 96, 50, 64, 10000f, 1e-5f, true), m);
            assertThat(tied.parameterCount()).isEqualTo(tied.config().parameters()).isLessThan(llama.parameterCount());
            NDArray logits = llama.logits(new ParameterStore(m, false), m.create(new int[] {1, 2, 3, 4, 5, 6}).reshape(2, 3), null, false);
            assertThat(logits.getShape().getShape()).containsExactly(2, 3, 50);
        }
    }

    @Test
    void aCachedSessionGivesTheLogitsOfTheWholeWindow() {
        try (NDManager m = Engines.newManager()) {
            Engines.seed(4);
            LlamaLanguageModel lm = new LlamaLanguageModel(Llama.create(TINY, m));
            try (LanguageModel.Session cached = lm.newSession(m, true); LanguageModel.Session full = lm.newSession(m, false)) {
                float[] a = cached.feed(new int[] {7, 8, 9});
                float[] b = full.feed(new int[] {7, 8, 9});
                for (int i = 0; i < 80; i++) { // past the context of 64: both windows slide
                    assertThat(maxAbsDiff(a, b)).as("step %d", i).isLessThan(1e-4f);
                    a = cached.feed(new int[] {(i * 7) % 50});
                    b = full.feed(new int[] {(i * 7) % 50});
                }
            }
        }
    }

    @Test
    void positionsMatter() {
        // Without positions, causal attention over {1, 2} then 5 is blind to the order of 1 and 2; RoPE must see it.
        try (NDManager m = Engines.newManager()) {
            Engines.seed(5);
            Llama llama = Llama.create(TINY, m);
            NDArray logits = llama.logits(new ParameterStore(m, false), m.create(new int[] {1, 2, 5, 2, 1, 5}).reshape(2, 3), null, false);
            assertThat(maxAbsDiff(logits.get(0, 2).toFloatArray(), logits.get(1, 2).toFloatArray())).isGreaterThan(1e-4f);
        }
    }

    @Test
    void badShapesAreRefused() {
        assertThatThrownBy(() -> new LlamaConfig(64, 2, 4, 3, 128, 50, 64, 10000f, 1e-5f, false))
                .hasMessageContaining("not a multiple of 3 key/value heads");
        assertThatThrownBy(() -> new LlamaConfig(60, 2, 4, 2, 128, 50, 64, 10000f, 1e-5f, false)).hasMessageContaining("even size");
    }

    static float maxAbsDiff(float[] a, float[] b) {
        float d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
