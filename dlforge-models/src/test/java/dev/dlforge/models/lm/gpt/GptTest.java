package dev.dlforge.models.lm.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.models.lm.LanguageModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GptTest {
    static final GptConfig TINY = new GptConfig(11, 16, 2, 2, 8, 0f, true, false);

    @Test
    void logitsCoverEveryPositionAndToken() {
        try (NDManager m = Engines.newManager()) {
            Gpt gpt = Gpt.create(TINY, m);
            NDArray logits = gpt.forward(new ParameterStore(m, false), new NDList(m.create(ids(2 * 9, 1)).reshape(2, 9)), false).head();
            assertThat(logits.getShape()).isEqualTo(new Shape(2, 9, 11));
        }
    }

    @Test
    void changingAFutureTokenNeverChangesAnEarlierLogit() {
        try (NDManager m = Engines.newManager()) {
            Engines.seed(3);
            Gpt gpt = Gpt.create(TINY, m);
            ParameterStore store = new ParameterStore(m, false);
            int[] a = ids(16, 2);
            for (int changed = 1; changed < 16; changed += 5) {
                int[] b = a.clone();
                b[changed] = (b[changed] + 1) % 11;
                float[] before = logitsAt(gpt, store, m, a);
                float[] after = logitsAt(gpt, store, m, b);
                int earlier = changed * 11; // positions 0..changed-1, V logits each
                for (int i = 0; i < earlier; i++) {
                    assertThat(after[i]).as("logit %d with token %d changed", i, changed).isEqualTo(before[i]);
                }
                assertThat(after[earlier]).isNotEqualTo(before[earlier]); // the changed position itself does move
            }
        }
    }

    @Test
    void lossOnEarlyPositionsSendsNoGradientToLaterPositionEmbeddings() {
        try (NDManager m = Engines.newManager()) {
            Gpt gpt = Gpt.create(TINY, m);
            gpt.wpe().getArray().setRequiresGradient(true);
            ParameterStore store = new ParameterStore(m, false);
            try (GradientCollector collector = Engines.get().newGradientCollector()) {
                NDArray logits = gpt.forward(store, new NDList(m.create(ids(16, 4)).reshape(1, 16)), true).head();
                collector.backward(logits.get(":, 0:6, :").square().sum()); // only positions 0..5 count
            }
            NDArray grad = gpt.wpe().getArray().getGradient();                // (T, C)
            assertThat(grad.get("0:6").abs().sum().getFloat()).isGreaterThan(0f);
            assertThat(grad.get("6:").abs().sum().getFloat()).isZero();
        }
    }

    @Test
    void cachedDecodingGivesTheLogitsOfFullRecomputation() {
        try (NDManager m = Engines.newManager()) {
            Engines.seed(5);
            GptLanguageModel lm = new GptLanguageModel(Gpt.create(TINY, m));
            int[] tokens = ids(15, 6);
            try (LanguageModel.Session cached = lm.newSession(m, true); LanguageModel.Session full = lm.newSession(m, false)) {
                float[] c = cached.feed(new int[] {tokens[0], tokens[1], tokens[2]});
                float[] f = full.feed(new int[] {tokens[0], tokens[1], tokens[2]});
                assertClose(c, f);
                for (int i = 3; i < tokens.length; i++) {
                    assertClose(cached.feed(new int[] {tokens[i]}), full.feed(new int[] {tokens[i]}));
                }
                assertThat(cached.length()).isEqualTo(15);
            }
        }
    }

    @Test
    void sessionsSlideTheirWindowPastTheBlockSize() {
        try (NDManager m = Engines.newManager()) {
            GptLanguageModel lm = new GptLanguageModel(Gpt.create(TINY, m));
            try (LanguageModel.Session cached = lm.newSession(m, true)) {
                cached.feed(ids(20, 7)); // a prompt longer than the block keeps its last 16 tokens
                for (int i = 0; i < 40; i++) {
                    assertThat(cached.feed(new int[] {i % 11})).hasSize(11);
                }
                assertThat(cached.length()).isEqualTo(60);
            }
            try (LanguageModel.Session s = lm.newSession(m, true)) {
                assertThatThrownBy(() -> s.feed(new int[] {11})).hasMessageContaining("outside the vocabulary");
            }
        }
    }

    private static float[] logitsAt(Gpt gpt, ParameterStore store, NDManager m, int[] tokens) {
        try (NDManager step = m.newSubManager()) {
            return gpt.forward(store, new NDList(step.create(tokens).reshape(1, tokens.length)), false).head().toFloatArray();
        }
    }

    static void assertClose(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("logit %d", i).isCloseTo(b[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    static int[] ids(int n, long seed) {
        Random r = new Random(seed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextInt(11);
        }
        return out;
    }
}
