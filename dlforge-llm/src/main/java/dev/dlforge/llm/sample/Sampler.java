package dev.dlforge.llm.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses each next token of one request from the model's logits, by its {@link SamplingParams}; it keeps the request's
 * random stream and the counts of the tokens it generated, so it is used by one sequence at a time.
 *
 * <p>Per step, over logits z (one per vocabulary token) and c(t) = how often t was generated so far (OpenAI's formula):
 * <pre>
 *   z'(t) = z(t) - c(t) * frequencyPenalty - [c(t) > 0] * presencePenalty
 *   temperature 0: the argmax of z' (lowest id on a tie)
 *   otherwise:     p = softmax(z' / temperature); keep the most likely tokens until their mass reaches topP; draw from
 *                  the kept ones, renormalised, with the request's random stream (seeded: same seed, same draws)
 * </pre>
 * Log-probabilities are of softmax(z' / T), T = temperature (1 when greedy), before the top-p cut: what the model,
 * penalised and tempered, gives each token; the top alternatives come from the same distribution.
 */
public final class Sampler {
    private final SamplingParams params;
    private final SplittableRandom random;
    private final Map<Integer, Integer> counts = new HashMap<>();

    public Sampler(SamplingParams params) {
        if (params.temperature() < 0 || params.topP() <= 0 || params.topP() > 1 || params.topLogprobs() < 0) {
            throw new IllegalArgumentException("sampling needs temperature >= 0, 0 < top_p <= 1 and top_logprobs >= 0, got " + params);
        }
        this.params = params;
        this.random = new SplittableRandom(params.seed());
    }

    /** The next token for {@code logits} (not changed); it counts as generated for the penalties of the next steps. */
    public SampledToken sample(float[] logits) {
        double temperature = params.temperature() == 0 ? 1 : params.temperature();
        double[] z = new double[logits.length];
        double max = Double.NEGATIVE_INFINITY;
        int argmax = -1;
        for (int t = 0; t < z.length; t++) {
            Integer c = counts.get(t);
            double v = logits[t];
            if (c != null) {
                v -= c * params.frequencyPenalty() + params.presencePenalty();
            }
            z[t] = v / temperature;
            if (z[t] > max || argmax < 0) {
                max = z[t];
                argmax = t;
            }
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double logZ = max + Math.log(sum); // log of the softmax's denominator
        int chosen = params.temperature() == 0 ? argmax : draw(z, logZ);
        counts.merge(chosen, 1, Integer::sum);
        return new SampledToken(chosen, z[chosen] - logZ, top(z, logZ, params.topLogprobs()));
    }

    /** Nucleus draw: the most likely tokens whose mass reaches topP, then one of them by its renormalised probability. */
    private int draw(double[] z, double logZ) {
        double u = random.nextDouble();
        if (params.topP() >= 1) {
            double acc = 0;
            for (int t = 0; t < z.length; t++) {
                acc += Math.exp(z[t] - logZ);
                if (u < acc) {
                    return t;
                }
            }
            return lastLikely(z);
        }
        int[] order = byDescendingLogit(z);
        double kept = 0;
        int n = 0;
        while (n < order.length && kept < params.topP()) {
            kept += Math.exp(z[order[n++]] - logZ);
        }
        double target = u * kept;
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += Math.exp(z[order[i]] - logZ);
            if (target < acc) {
                return order[i];
            }
        }
        return order[n - 1];
    }

    /** Rounding can leave u above the last partial sum: the last token with any probability. */
    private static int lastLikely(double[] z) {
        for (int t = z.length - 1; t > 0; t--) {
            if (z[t] > Double.NEGATIVE_INFINITY) {
                return t;
            }
        }
        return 0;
    }

    private static List<TokenLogprob> top(double[] z, double logZ, int k) {
        if (k == 0) {
            return List.of();
        }
        int[] order = byDescendingLogit(z);
        List<TokenLogprob> top = new ArrayList<>(k);
        for (int i = 0; i < Math.min(k, order.length); i++) {
            top.add(new TokenLogprob(order[i], z[order[i]] - logZ));
        }
        return top;
    }

    /** Token ids by falling logit, ties by rising id: sorts (logit, id) packed into longs, no boxing. */
    static int[] byDescendingLogit(double[] z) {
        long[] packed = new long[z.length];
        for (int t = 0; t < z.length; t++) {
            int bits = Float.floatToIntBits((float) z[t]);
            int key = bits >= 0 ? bits : bits ^ 0x7FFFFFFF; // float order as signed-int order
            packed[t] = ((long) ~key << 32) | t; // descending key, then ascending id
        }
        Arrays.sort(packed);
        int[] order = new int[z.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) packed[i];
        }
        return order;
    }
}
