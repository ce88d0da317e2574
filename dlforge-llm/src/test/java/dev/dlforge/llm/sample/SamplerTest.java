package dev.dlforge.llm.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final float[] LOGITS = {1f, 3f, 2f, 3f, -1f};

    private static SamplingParams params(double t, double topP, long seed, double presence, double frequency, int top) {
        return new SamplingParams(t, topP, seed, presence, frequency, top);
    }

    @Test
    void temperatureZeroIsArgmaxWithTheLowestIdOnATie() {
        Sampler s = new Sampler(SamplingParams.GREEDY);
        for (int i = 0; i < 5; i++) {
            assertThat(s.sample(LOGITS).id()).isEqualTo(1);
        }
    }

    @Test
    void logprobsAreTheLogSoftmaxAndTheTopAlternativesAreOrdered() {
        SampledToken t = new Sampler(params(0, 1, 0, 0, 0, 3)).sample(LOGITS);
        double z = 0;
        for (float l : LOGITS) {
            z += Math.exp(l);
        }
        assertThat(t.logprob()).isCloseTo(3 - Math.log(z), within(1e-9));
        assertThat(t.top()).extracting(TokenLogprob::id).containsExactly(1, 3, 2);
        assertThat(t.top().get(2).logprob()).isCloseTo(2 - Math.log(z), within(1e-9));
    }

    @Test
    void theSameSeedDrawsTheSameTokensAndAnotherSeedOthers() {
        float[] flat = new float[50];
        int[] a = new int[40];
        int[] b = new int[40];
        int[] c = new int[40];
        Sampler sa = new Sampler(params(1, 1, 42, 0, 0, 0));
        Sampler sb = new Sampler(params(1, 1, 42, 0, 0, 0));
        Sampler sc = new Sampler(params(1, 1, 43, 0, 0, 0));
        for (int i = 0; i < a.length; i++) {
            a[i] = sa.sample(flat).id();
            b[i] = sb.sample(flat).id();
            c[i] = sc.sample(flat).id();
        }
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void drawsFollowTheTemperedSoftmax() {
        float[] logits = {0f, (float) Math.log(3)}; // probabilities 1/4 and 3/4 at T = 1; 1/10 and 9/10 at T = 0.5
        for (double[] tp : new double[][] {{1, 0.75}, {0.5, 0.9}}) {
            Sampler s = new Sampler(params(tp[0], 1, 5, 0, 0, 0));
            int ones = 0;
            int n = 20000;
            for (int i = 0; i < n; i++) {
                ones += s.sample(logits).id();
            }
            assertThat(ones / (double) n).isCloseTo(tp[1], within(0.015));
        }
    }

    @Test
    void topPKeepsOnlyTheNucleus() {
        float[] logits = {5f, 4f, 0f, 0f, 0f, 0f}; // ~0.72, ~0.27, then tiny
        Sampler s = new Sampler(params(1, 0.9, 1, 0, 0, 0));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(s.sample(logits).id());
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void penaltiesLowerTheTokensAlreadyGenerated() {
        float[] logits = {2f, 1.5f, 0f};
        Sampler presence = new Sampler(params(0, 1, 0, 1, 0, 0));
        assertThat(presence.sample(logits).id()).isEqualTo(0);
        assertThat(presence.sample(logits).id()).isEqualTo(1); // 2 - 1 < 1.5
        assertThat(presence.sample(logits).id()).isEqualTo(0); // both penalised once: 1 > 0.5
        Sampler frequency = new Sampler(params(0, 1, 0, 0, 0.3, 0));
        int[] ids = new int[4];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = frequency.sample(logits).id();
        }
        assertThat(ids).containsExactly(0, 0, 1, 0); // 2 > 1.7 > 1.5, then 1.4 < 1.5, then 1.4 > 1.2
    }
}
