package dev.dlforge.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.engine.Engines;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrfTest {
    static final int K = 3;
    static final int T = 4;
    static final int[] LENGTHS = {4, 2};

    NDManager manager;
    Crf crf;
    Random random = new Random(7);
    float[] emissions; // (B, T, K)
    int[] gold;        // (B, T)

    @BeforeEach
    void setUp() {
        manager = Engines.newManager();
        crf = new Crf(K);
        crf.initialize(manager, DataType.FLOAT32, new Shape(2, T, K), new Shape(2, T), new Shape(2, T));
        crf.getParameters().get("transitions").getArray().set(randoms(K * K));
        crf.getParameters().get("start").getArray().set(randoms(K));
        crf.getParameters().get("end").getArray().set(randoms(K));
        emissions = randoms(2 * T * K);
        gold = new int[2 * T];
        for (int i = 0; i < gold.length; i++) {
            gold[i] = random.nextInt(K);
        }
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private float[] randoms(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] mask() {
        float[] m = new float[2 * T];
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < LENGTHS[b]; t++) {
                m[b * T + t] = 1;
            }
        }
        return m;
    }

    private double[] nll(NDManager m, float[] e, int[] y) {
        NDArray out = crf.negativeLogLikelihood(new ParameterStore(m, false), m.create(e, new Shape(2, T, K)),
                m.create(y, new Shape(2, T)), m.create(mask(), new Shape(2, T)), false);
        float[] f = out.toFloatArray();
        return new double[] {f[0], f[1]};
    }

    /** s(y) by the formula, in double. */
    private static double score(Crf.Scores c, float[] e, int b, int[] y, int n) {
        double s = c.start()[y[0]] + c.end()[y[n - 1]];
        for (int t = 0; t < n; t++) {
            s += e[(b * T + t) * K + y[t]];
            if (t > 0) {
                s += c.transitions()[y[t - 1] * K + y[t]];
            }
        }
        return s;
    }

    /** Every tag sequence of length n, as arrays. */
    private static int[][] allSequences(int n) {
        int count = (int) Math.pow(K, n);
        int[][] all = new int[count][n];
        for (int i = 0; i < count; i++) {
            int code = i;
            for (int t = 0; t < n; t++) {
                all[i][t] = code % K;
                code /= K;
            }
        }
        return all;
    }

    private static double bruteLogZ(Crf.Scores c, float[] e, int b, int n) {
        double sum = 0;
        for (int[] y : allSequences(n)) {
            sum += Math.exp(score(c, e, b, y, n));
        }
        return Math.log(sum);
    }

    private double bruteNll(Crf.Scores c, float[] e, int b) {
        int n = LENGTHS[b];
        int[] y = new int[n];
        System.arraycopy(gold, b * T, y, 0, n);
        return bruteLogZ(c, e, b, n) - score(c, e, b, y, n);
    }

    @Test
    void negativeLogLikelihoodEqualsBruteForceOverAllTagSequences() {
        Crf.Scores c = crf.scores();
        double[] nll = nll(manager, emissions, gold);
        for (int b = 0; b < 2; b++) {
            assertThat(nll[b]).isCloseTo(bruteNll(c, emissions, b), within(1e-4));
        }
    }

    @Test
    void viterbiFindsTheBruteForceArgmaxAndMarginalsMatchBruteForce() {
        Crf.Scores c = crf.scores();
        for (int b = 0; b < 2; b++) {
            int n = LENGTHS[b];
            float[] e = new float[n * K];
            System.arraycopy(emissions, b * T * K, e, 0, n * K);
            int[] best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            double[] marginal = new double[n * K];
            double logZ = bruteLogZ(c, emissions, b, n);
            for (int[] y : allSequences(n)) {
                double s = score(c, emissions, b, y, n);
                if (s > bestScore) {
                    bestScore = s;
                    best = y;
                }
                for (int t = 0; t < n; t++) {
                    marginal[t * K + y[t]] += Math.exp(s - logZ);
                }
            }
            assertThat(Crf.viterbi(c, e, n)).containsExactly(best);
            double[] p = Crf.marginals(c, e, n);
            for (int i = 0; i < p.length; i++) {
                assertThat(p[i]).isCloseTo(marginal[i], within(1e-5));
            }
        }
    }

    @Test
    void gradientOfTheLossMatchesFiniteDifferences() {
        NDArray transitions = crf.getParameters().get("transitions").getArray();
        transitions.setRequiresGradient(true);
        NDArray e;
        try (NDManager step = manager.newSubManager()) {
            e = step.create(emissions, new Shape(2, T, K));
            e.setRequiresGradient(true);
            try (GradientCollector gc = Engines.get().newGradientCollector()) {
                NDArray loss = crf.negativeLogLikelihood(new ParameterStore(step, false), e, step.create(gold, new Shape(2, T)),
                        step.create(mask(), new Shape(2, T)), true).sum();
                gc.backward(loss);
            }
            float[] gradE = e.getGradient().toFloatArray();
            float[] gradA = transitions.getGradient().toFloatArray();
            Crf.Scores c = crf.scores();
            double h = 1e-3;
            for (int i = 0; i < emissions.length; i++) {
                float[] plus = emissions.clone();
                float[] minus = emissions.clone();
                plus[i] += (float) h;
                minus[i] -= (float) h;
                double numeric = (bruteNll(c, plus, 0) + bruteNll(c, plus, 1) - bruteNll(c, minus, 0) - bruteNll(c, minus, 1)) / (2 * h);
                assertThat((double) gradE[i]).as("d loss / d e[%d]", i).isCloseTo(numeric, within(2e-3));
            }
            for (int i = 0; i < K * K; i++) {
                float[] a = c.transitions();
                float[] plus = a.clone();
                float[] minus = a.clone();
                plus[i] += (float) h;
                minus[i] -= (float) h;
                Crf.Scores cp = new Crf.Scores(K, plus, c.start(), c.end());
                Crf.Scores cm = new Crf.Scores(K, minus, c.start(), c.end());
                double numeric = (bruteNll(cp, emissions, 0) + bruteNll(cp, emissions, 1)
                        - bruteNll(cm, emissions, 0) - bruteNll(cm, emissions, 1)) / (2 * h);
                assertThat((double) gradA[i]).as("d loss / d A[%d]", i).isCloseTo(numeric, within(2e-3));
            }
            // a padded emission gets no gradient
            assertThat(gradE[(1 * T + 3) * K]).isZero();
        }
        transitions.setRequiresGradient(false);
    }

    @Test
    void paddingPositionsNeverChangeTheScore() {
        double[] before = nll(manager, emissions, gold);
        float[] e = emissions.clone();
        int[] y = gold.clone();
        for (int t = LENGTHS[1]; t < T; t++) {
            y[T + t] = (y[T + t] + 1) % K;
            for (int k = 0; k < K; k++) {
                e[(T + t) * K + k] += 100;
            }
        }
        double[] after = nll(manager, e, y);
        assertThat(after[1]).isCloseTo(before[1], within(1e-5));
        assertThat(after[0]).isCloseTo(before[0], within(1e-5));
    }
}
