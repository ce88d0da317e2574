package dev.dlforge.models.lm.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.optim.Adam;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.train.Batch;
import dev.dlforge.models.lm.LanguageModel;
import dev.dlforge.models.lm.NextTokenTask;
import dev.dlforge.models.lm.rnn.RecurrentLmConfig.Cell;
import java.util.Random;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.Slow;

@Slow
class RecurrentLmTest {

    private static RecurrentLm model(NDManager m, Cell cell, int vocab, int layers, float dropout) {
        RecurrentLm lm = new RecurrentLm(new RecurrentLmConfig(vocab, 16, 24, layers, dropout, cell));
        lm.initialize(m);
        return lm;
    }

    @Test
    void logitsAndStateHaveTheDocumentedShapes() {
        try (NDManager m = Engines.newManager()) {
            for (Cell cell : Cell.values()) {
                RecurrentLm lm = model(m, cell, 11, 2, 0.2f);
                NDList tokens = new NDList(m.zeros(new Shape(3, 5)).toType(ai.djl.ndarray.types.DataType.INT32, false));
                NDList out = lm.forward(new ParameterStore(m, false), tokens, false);
                assertThat(out.size()).as(cell.name()).isEqualTo(1 + lm.config().stateArrays());
                assertThat(out.get(0).getShape()).isEqualTo(new Shape(3, 5, 11));
                for (int i = 1; i < out.size(); i++) {
                    assertThat(out.get(i).getShape()).isEqualTo(new Shape(2, 3, 24));
                }
                assertThat(lm.getOutputShapes(new Shape[] {new Shape(3, 5)})[0]).isEqualTo(new Shape(3, 5, 11));
            }
        }
    }

    /** A long decode keeps the number of live native arrays flat: each step's arrays die with the step. */
    @Test
    void decodingKeepsNativeArraysFlat() {
        try (NDManager m = Engines.newManager()) {
            for (Cell cell : Cell.values()) {
                RecurrentLm lm = model(m, cell, 7, 2, 0f);
                try (LanguageModel.Session s = lm.newSession(m, true)) {
                    s.feed(new int[] {1, 2, 3});
                    int early = m.getManagedArrays().size();
                    for (int i = 0; i < 100; i++) {
                        s.feed(new int[] {i % 7});
                    }
                    assertThat(m.getManagedArrays().size()).as(cell.name()).isEqualTo(early);
                }
            }
        }
    }

    /** The cached session must equal a re-run of the whole history: the state carries everything. */
    @Test
    void feedingTokensOneAtATimeGivesTheLogitsOfFeedingThemAllAtOnce() {
        try (NDManager m = Engines.newManager()) {
            Engines.seed(3);
            for (Cell cell : Cell.values()) {
                RecurrentLm lm = model(m, cell, 13, 2, 0.3f);
                int[] tokens = {1, 5, 7, 2, 12, 0, 3, 3, 9};
                float[] all;
                try (LanguageModel.Session whole = lm.newSession(m, true)) {
                    all = whole.feed(tokens);
                    assertThat(whole.length()).isEqualTo(tokens.length);
                }
                try (LanguageModel.Session stepwise = lm.newSession(m, true); LanguageModel.Session uncached = lm.newSession(m, false)) {
                    float[] last = null;
                    float[] lastUncached = null;
                    for (int t : tokens) {
                        last = stepwise.feed(new int[] {t});
                        lastUncached = uncached.feed(new int[] {t});
                    }
                    assertThat(stepwise.length()).isEqualTo(tokens.length);
                    assertThat(last).hasSize(13);
                    for (int v = 0; v < 13; v++) {
                        assertThat(last[v]).as(cell + " logit " + v).isCloseTo(all[v], org.assertj.core.data.Offset.offset(1e-5f));
                        assertThat(lastUncached[v]).as(cell + " uncached logit " + v).isCloseTo(all[v], org.assertj.core.data.Offset.offset(1e-5f));
                    }
                    // Two halves equal the whole too: the state is carried across feeds of any length.
                    try (LanguageModel.Session halves = lm.newSession(m, true)) {
                        halves.feed(java.util.Arrays.copyOfRange(tokens, 0, 4));
                        float[] second = halves.feed(java.util.Arrays.copyOfRange(tokens, 4, tokens.length));
                        assertThat(second[4]).isCloseTo(all[4], org.assertj.core.data.Offset.offset(1e-5f));
                    }
                }
            }
        }
    }

    @Test
    void aSessionRejectsIdsOutsideTheVocabularyAndAnEmptyFirstFeed() {
        try (NDManager m = Engines.newManager()) {
            RecurrentLm lm = model(m, Cell.LSTM, 5, 1, 0f);
            LanguageModel.Session s = lm.newSession(m, true);
            assertThatThrownBy(() -> s.feed(new int[] {5})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
            assertThatThrownBy(() -> s.feed(new int[0])).isInstanceOf(IllegalArgumentException.class);
            assertThat(s.feed(new int[] {1, 2})).hasSize(5);
            assertThat(s.feed(new int[0])).as("no new token: the last logits again").hasSize(5);
            s.close();
        }
    }

    /** A tiny LSTM learns a short repeated string: the loss falls and greedy decoding reproduces the string. */
    @Test
    void aTinyLstmOverfitsARepeatedStringAndContinuesItGreedily() {
        String text = "the cat sat. ".repeat(40);
        String alphabet = "the cat s.";
        int vocab = alphabet.length();
        int[] ids = text.chars().map(alphabet::indexOf).toArray();
        try (NDManager m = Engines.newManager()) {
            Engines.seed(11);
            RecurrentLm lm = model(m, Cell.LSTM, vocab, 1, 0f);
            TrainableParameters params = TrainableParameters.of(lm);
            NextTokenTask task = new NextTokenTask(lm, params, new Adam(params, Adam.Config.defaults()), 1.0, m);
            Random random = new Random(5);
            int b = 8;
            int t = 24;
            double first = 0;
            double last = 0;
            for (int step = 0; step < 150; step++) {
                try (NDManager batchManager = m.newSubManager()) {
                    int[] x = new int[b * t];
                    int[] y = new int[b * t];
                    for (int r = 0; r < b; r++) {
                        int from = random.nextInt(ids.length - t - 1);
                        System.arraycopy(ids, from, x, r * t, t);
                        System.arraycopy(ids, from + 1, y, r * t, t);
                    }
                    Batch batch = new Batch(new NDList(batchManager.create(x, new Shape(b, t))),
                            new NDList(batchManager.create(y, new Shape(b, t))), b * t);
                    double loss = task.trainStep(batch, 1e-2).values().get("loss");
                    if (step == 0) {
                        first = loss;
                    }
                    last = loss;
                }
            }
            assertThat(first).as("initial loss near ln(10)").isBetween(1.8, 2.8);
            assertThat(last).as("final loss").isLessThan(0.15);
            assertThat(task.derivedMetrics(java.util.Map.of("val_loss", last)).get("val_perplexity")).isCloseTo(Math.exp(last),
                    org.assertj.core.data.Offset.offset(1e-12));

            StringBuilder out = new StringBuilder();
            try (LanguageModel.Session s = lm.newSession(m, true)) {
                float[] logits = s.feed("the cat".chars().map(alphabet::indexOf).toArray());
                for (int i = 0; i < 26; i++) {
                    int next = argMax(logits);
                    out.append(alphabet.charAt(next));
                    logits = s.feed(new int[] {next});
                }
            }
            assertThat(out.toString()).isEqualTo(" sat. the cat sat. the cat");
        }
    }

    private static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
