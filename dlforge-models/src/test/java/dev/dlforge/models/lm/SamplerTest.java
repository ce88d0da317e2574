package dev.dlforge.models.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final int[] NONE = {};

    private static GenerationConfig config(double temperature, int topK, double topP, double penalty, long seed) {
        return new GenerationConfig(100, temperature, topK, topP, penalty, List.of(), seed, true);
    }

    private static int[] counts(Sampler s, float[] logits, int[] history, int draws) {
        int[] c = new int[logits.length];
        for (int i = 0; i < draws; i++) {
            c[s.next(logits, history)]++;
        }
        return c;
    }

    private static float[] logOf(double... probs) {
        float[] z = new float[probs.length];
        for (int i = 0; i < probs.length; i++) {
            z[i] = (float) Math.log(probs[i]);
        }
        return z;
    }

    @Test
    void greedyPicksTheArgMaxAndTheLowerIdOnTies() {
        Sampler s = new Sampler(config(0, 0, 1, 1, 1));
        assertThat(s.next(new float[] {0.1f, 3f, -2f, 2.9f}, NONE)).isEqualTo(1);
        assertThat(s.next(new float[] {1f, 5f, 5f}, NONE)).isEqualTo(1);
        assertThat(s.next(new float[] {Float.NEGATIVE_INFINITY, -1e30f}, NONE)).isEqualTo(1);
    }

    @Test
    void lowerTemperatureConcentratesOnTheArgMaxUntilItIsGreedy() {
        float[] z = {1f, 2f, 1.5f, 0f};
        double previous = 0;
        for (double t : new double[] {2, 1, 0.3, 0.05}) {
            double argMaxShare = counts(new Sampler(config(t, 0, 1, 1, 7)), z, NONE, 4000)[1] / 4000.0;
            assertThat(argMaxShare).isGreaterThan(previous);
            previous = argMaxShare;
        }
        assertThat(previous).isEqualTo(1.0);
    }

    @Test
    void topKNeverReturnsATokenOutsideTheKLargest() {
        Random r = new Random(3);
        float[] z = new float[50_257];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) r.nextGaussian();
        }
        float[] sorted = z.clone();
        java.util.Arrays.sort(sorted);
        float kth = sorted[z.length - 20];
        Sampler s = new Sampler(config(3.0, 20, 1, 1, 11));
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 5000; i++) {
            int t = s.next(z, NONE);
            assertThat(z[t]).isGreaterThanOrEqualTo(kth);
            seen.add(t);
        }
        assertThat(seen).hasSize(20); // at T = 3 all twenty are drawn
    }

    @Test
    void topKBreaksTiesTowardTheLowerId() {
        int[] c = counts(new Sampler(config(1, 2, 1, 1, 5)), new float[] {0f, 1f, 1f, 1f, 1f}, NONE, 2000);
        assertThat(c[1] + c[2]).isEqualTo(2000);
        assertThat(c[1]).isBetween(900, 1100);
    }

    @Test
    void topPKeepsExactlyTheNucleus() {
        // probabilities .5 .3 .15 .05, p = .8: the nucleus is the first two, renormalised to .625 / .375
        int[] c = counts(new Sampler(config(1, 0, 0.8, 1, 9)), logOf(0.15, 0.5, 0.05, 0.3), NONE, 20_000);
        assertThat(c[0]).isZero();
        assertThat(c[2]).isZero();
        assertThat(c[1] / 20_000.0).isBetween(0.61, 0.64);
        // just above .8 the third token joins
        int[] wider = counts(new Sampler(config(1, 0, 0.81, 1, 9)), logOf(0.15, 0.5, 0.05, 0.3), NONE, 20_000);
        assertThat(wider[0]).isPositive();
        assertThat(wider[2]).isZero();
    }

    @Test
    void topPAlwaysKeepsAtLeastTheMostLikelyToken() {
        int[] c = counts(new Sampler(config(1, 0, 0.01, 1, 2)), logOf(0.2, 0.45, 0.35), NONE, 1000);
        assertThat(c[1]).isEqualTo(1000);
    }

    @Test
    void repetitionPenaltyLowersTheChanceOfTokensAlreadyInTheSequence() {
        // z = (2, 2), token 0 seen, penalty 2: z0 = 1, so p0 = e / (e + e^2) = 0.269
        int[] c = counts(new Sampler(config(1, 0, 1, 2, 4)), new float[] {2f, 2f}, new int[] {0, 0, 0}, 20_000);
        assertThat(c[0] / 20_000.0).isBetween(0.255, 0.285);
        // a negative logit is multiplied: z = (-1, -1) -> (-2, -1), p0 = 1 / (1 + e) = 0.269
        int[] neg = counts(new Sampler(config(1, 0, 1, 2, 4)), new float[] {-1f, -1f}, new int[] {0}, 20_000);
        assertThat(neg[0] / 20_000.0).isBetween(0.255, 0.285);
        // and greedy turns away from the repeated token
        assertThat(new Sampler(config(0, 0, 1, 1.5, 4)).next(new float[] {3f, 2.5f}, new int[] {0})).isEqualTo(1);
    }

    @Test
    void theSameSeedGivesTheSameTokensAndAnotherSeedOthers() {
        float[] z = new float[100];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) Math.sin(i);
        }
        int[] a = new int[200];
        int[] b = new int[200];
        int[] c = new int[200];
        Sampler sa = new Sampler(config(1, 50, 0.95, 1.1, 42));
        Sampler sb = new Sampler(config(1, 50, 0.95, 1.1, 42));
        Sampler sc = new Sampler(config(1, 50, 0.95, 1.1, 43));
        for (int i = 0; i < a.length; i++) {
            a[i] = sa.next(z, a, i);
            b[i] = sb.next(z, b, i);
            c[i] = sc.next(z, c, i);
        }
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void sampledFrequenciesMatchTheSoftmaxProbabilities() {
        float[] z = {0.5f, -1f, 2f, 0f, 1.2f, -0.3f};
        double t = 0.8;
        double[] p = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] / t);
            sum += p[i];
        }
        int n = 20_000;
        int[] c = counts(new Sampler(config(t, 0, 1, 1, 2024)), z, NONE, n);
        double chiSquare = 0;
        for (int i = 0; i < z.length; i++) {
            double expected = n * p[i] / sum;
            chiSquare += (c[i] - expected) * (c[i] - expected) / expected;
        }
        assertThat(chiSquare).isLessThan(20.5); // 5 degrees of freedom: P(chi2 > 20.5) = 0.001
    }

    @Test
    void aNanLogitIsAClearErrorNotAToken() {
        Sampler s = new Sampler(config(1, 0, 1, 1, 1));
        assertThatThrownBy(() -> s.next(new float[] {1f, Float.NaN}, NONE))
                .isInstanceOf(DlforgeException.class)
                .hasMessageContaining("NaN");
    }
}
