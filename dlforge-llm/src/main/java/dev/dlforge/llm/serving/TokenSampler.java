package dev.dlforge.llm.serving;

import dev.dlforge.llm.sample.SamplingParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * One request's next-token choice, with OpenAI's semantics: penalties on the logits of tokens generated so far
 * ({@code l - presence * [count > 0] - frequency * count}), a filter of allowed tokens, then greedy argmax at
 * temperature 0, else softmax(l / T) cut to the top-p nucleus and drawn from the request's own seeded stream.
 * Log-probabilities reported are log-softmax of the raw logits.
 *
 * <p>The scheduler's own until helper E2's {@code dev.dlforge.llm.sample.Sampler} is merged; then it delegates to it.
 */
final class TokenSampler {
    private final SamplingParams params;
    private final IntPredicate allowed;
    private final SplittableRandom random;
    private final Map<Integer, Integer> counts = new HashMap<>();

    TokenSampler(SamplingParams params, IntPredicate allowed) {
        this.params = params;
        this.allowed = allowed;
        this.random = new SplittableRandom(params.seed());
    }

    /** Chooses the next token from {@code logits} (vocab); the array is not changed. */
    GenerationListener.Token choose(float[] logits) {
        float[] l = logits.clone();
        counts.forEach((id, n) -> l[id] -= (float) (params.presencePenalty() + params.frequencyPenalty() * n));
        if (allowed != null) {
            for (int i = 0; i < l.length; i++) {
                if (!allowed.test(i)) {
                    l[i] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        int id = params.temperature() <= 0 ? argmax(l) : draw(l);
        counts.merge(id, 1, Integer::sum);
        double[] logSoftmax = logSoftmax(logits);
        return new GenerationListener.Token(id, "", logSoftmax[id], top(logSoftmax, params.topLogprobs()));
    }

    private int draw(float[] l) {
        int n = l.length;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : l) {
            max = Math.max(max, v);
        }
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp((l[i] - max) / params.temperature());
            sum += p[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        // the nucleus: the fewest most likely tokens whose probability reaches topP
        double kept = 0;
        int size = 0;
        while (size < n && (size == 0 || kept < params.topP() * sum)) {
            kept += p[order[size++]];
        }
        double u = random.nextDouble() * kept;
        for (int k = 0; k < size; k++) {
            u -= p[order[k]];
            if (u <= 0) {
                return order[k];
            }
        }
        return order[size - 1];
    }

    private static int argmax(float[] l) {
        int best = 0;
        for (int i = 1; i < l.length; i++) {
            if (l[i] > l[best]) {
                best = i;
            }
        }
        return best;
    }

    static double[] logSoftmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - log;
        }
        return out;
    }

    private static List<GenerationListener.Alternative> top(double[] logprobs, int k) {
        List<GenerationListener.Alternative> best = new ArrayList<>();
        if (k <= 0) {
            return best;
        }
        boolean[] taken = new boolean[logprobs.length];
        for (int j = 0; j < Math.min(k, logprobs.length); j++) {
            int arg = -1;
            for (int i = 0; i < logprobs.length; i++) {
                if (!taken[i] && (arg < 0 || logprobs[i] > logprobs[arg])) {
                    arg = i;
                }
            }
            taken[arg] = true;
            best.add(new GenerationListener.Alternative(arg, logprobs[arg]));
        }
        return best;
    }
}
