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
    void cachedAndUncachedSessionsAgreeAfterSlidingPastTheBlockSize() {
        try (NDManager m = Engines.newManager()) {
            Engines.seed(8);
            GptLanguageModel lm = new GptLanguageModel(Gpt.create(TINY, m));
            try (LanguageModel.Session cached = lm.newSession(m, true); LanguageModel.Session full = lm.newSession(m, false)) {
                int[] prompt = ids(20, 7); // longer than the block: both keep its last 16 tokens
                assertClose(cached.feed(prompt), full.feed(prompt));
                int[] next = ids(40, 9);
                for (int t : next) { // slides every 8 tokens
                    assertClose(cached.feed(new int[] {t}), full.feed(new int[] {t}));
                }
                assertThat(cached.length()).isEqualTo(60);
                // 52 tokens keep the last 16; 4 more overflow, so the window slides to half a block (8) plus the 4 new ones
                // (tokens 44..55); 4 more fit: the logits are one plain forward over tokens 44..59.
                int[] all = new int[60];
                System.arraycopy(prompt, 0, all, 0, 20);
                System.arraycopy(next, 0, all, 20, 40);
                float[] expected = lastLogits(lm.gpt(), m, java.util.Arrays.copyOfRange(all, 44, 60));
                try (LanguageModel.Session replay = lm.newSession(m, true)) {
                    replay.feed(java.util.Arrays.copyOf(all, 52));
                    replay.feed(new int[] {all[52], all[53], all[54], all[55]});
                    assertClose(replay.feed(new int[] {all[56], all[57], all[58], all[59]}), expected);
                }
            }
            try (LanguageModel.Session s = lm.newSession(m, true)) {
                s.feed(new int[] {1, 2});
                assertThatThrownBy(() -> s.feed(new int[] {3, 11})).hasMessageContaining("outside the vocabulary");
                assertThat(s.length()).as("a rejected feed adds nothing").isEqualTo(2);
            }
        }
    }

    private static float[] lastLogits(Gpt gpt, NDManager m, int[] tokens) {
        float[] all = logitsAt(gpt, new ParameterStore(m, false), m, tokens);
        return java.util.Arrays.copyOfRange(all, all.length - 11, all.length);
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
