package dev.dlforge.models.lm;

import dev.dlforge.core.DlforgeException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Picks the next token from a model's logits {@code z} (V) for a {@link GenerationConfig}, in this order:
 * <ol>
 *   <li>repetition penalty (CTRL): for each distinct token already in the sequence,
 *       {@code z > 0 ? z / penalty : z * penalty};
 *   <li>temperature 0: the arg-max (the lowest id among equal maxima);
 *   <li>otherwise {@code x = z / T}; top-k keeps the k largest (ties to the lower id);
 *   <li>top-p keeps the smallest most-likely-first prefix whose probability reaches p (at least one token;
 *       "reaches" allows a relative 1e-6: logits are floats, good to about 1e-7, so probabilities that sum to
 *       exactly p in decimal still stop there);
 *   <li>{@code p_i = exp(x_i - max x) / sum_j exp(x_j - max x)} over the kept tokens, in double, and a draw
 *       from a {@link SplittableRandom} seeded by {@code config.seed()}.
 * </ol>
 * One sampler is one stream of draws: the same seed, history and logits give the same tokens.
 *
 * <p>Top-k is a partial selection (a k-element min-heap, O(V log k)), so k = 200 over GPT-2's 50,257 tokens
 * costs about one pass; only top-p without top-k sorts the whole vocabulary. Not thread-safe.
 */
public final class Sampler {
    private static final double TOP_P_SLACK = 1e-6;

    private final GenerationConfig config;
    private final SplittableRandom random;
    private final BitSet seen = new BitSet();
    private float[] penalized = new float[0];
    private long[] ranked = new long[0];

    public Sampler(GenerationConfig config) {
        this.config = config;
        this.random = new SplittableRandom(config.seed());
    }

    /**
     * The next token.
     *
     * @param logits the model's scores for the next token (V); not modified
     * @param history the tokens of the sequence so far (prompt and generated), for the repetition penalty
     * @throws DlforgeException when a logit is NaN or +infinity (a diverged model); -infinity masks a token
     */
    public int next(float[] logits, int[] history) {
        return next(logits, history, history.length);
    }

    /** {@link #next(float[], int[])} with the sequence in {@code history[0..length)}. */
    public int next(float[] logits, int[] history, int length) {
        int v = logits.length;
        if (v == 0) {
            throw new IllegalArgumentException("cannot sample from an empty vocabulary");
        }
        float[] z = penalize(logits, history, length);
        if (config.temperature() == 0) {
            return argMax(z);
        }
        int n = rankCandidates(z);
        double invT = 1.0 / config.temperature();
        double max = z[indexOf(ranked[0])] * invT;
        if (!Double.isFinite(max)) { // every logit masked, or T so small that z / T overflows: the limit is greedy
            return argMax(z);
        }
        double[] weights = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = Math.exp(z[indexOf(ranked[i])] * invT - max); // ranked[0] holds the max, so weights[0] = 1
            total += weights[i];
        }
        int kept = n;
        if (config.topP() < 1) {
            double target = config.topP() * total * (1 - TOP_P_SLACK);
            double cumulative = 0;
            kept = 0;
            while (kept < n && cumulative < target) {
                cumulative += weights[kept++];
            }
            kept = Math.max(kept, 1);
            total = cumulative > 0 ? cumulative : weights[0];
        }
        double u = random.nextDouble() * total;
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < kept; i++) {
            if (weights[i] > 0) {
                cumulative += weights[i];
                last = i;
                if (u < cumulative) {
                    return indexOf(ranked[i]);
                }
            }
        }
        return indexOf(ranked[last]); // u landed on the rounding gap at the top
    }

    /** The logits with the repetition penalty applied, in a reused buffer; rejects NaN and +infinity. */
    private float[] penalize(float[] logits, int[] history, int length) {
        int v = logits.length;
        if (penalized.length != v) {
            penalized = new float[v];
        }
        for (int i = 0; i < v; i++) {
            float z = logits[i];
            if (Float.isNaN(z) || z == Float.POSITIVE_INFINITY) {
                throw new DlforgeException("the model produced a logit of " + z + " for token " + i,
                        "the weights have diverged or are corrupt: retrain with a lower learning rate or reload the checkpoint");
            }
        }
        System.arraycopy(logits, 0, penalized, 0, v);
        float penalty = (float) config.repetitionPenalty();
        if (penalty != 1f) {
            seen.clear();
            for (int i = 0; i < length; i++) {
                int t = history[i];
                if (t >= 0 && t < v && !seen.get(t)) { // each distinct token once, as CTRL
                    seen.set(t);
                    penalized[t] = penalized[t] > 0 ? penalized[t] / penalty : penalized[t] * penalty;
                }
            }
        }
        return penalized;
    }

    /**
     * Fills {@link #ranked} with the candidate tokens, most likely first when the order matters (top-k or
     * top-p), and returns how many there are.
     */
    private int rankCandidates(float[] z) {
        int v = z.length;
        int k = config.topK() > 0 && config.topK() < v ? config.topK() : v;
        if (ranked.length < k) {
            ranked = new long[k];
        }
        if (k < v) {
            topK(z, k);
        } else {
            for (int i = 0; i < v; i++) {
                ranked[i] = key(z[i], i);
            }
            if (config.topP() < 1) {
                Arrays.sort(ranked, 0, v);
            } else { // no nucleus: any order samples the same distribution, the max just has to come first
                int best = 0;
                for (int i = 1; i < v; i++) {
                    if (ranked[i] > ranked[best]) {
                        best = i;
                    }
                }
                long tmp = ranked[0];
                ranked[0] = ranked[best];
                ranked[best] = tmp;
                return v;
            }
        }
        reverse(ranked, k); // ascending keys -> most likely first
        return k;
    }

    /** The k largest keys in ascending order in ranked[0..k), by a min-heap whose root is the smallest kept. */
    private void topK(float[] z, int k) {
        for (int i = 0; i < k; i++) {
            ranked[i] = key(z[i], i);
        }
        for (int i = k / 2 - 1; i >= 0; i--) {
            siftDown(ranked, i, k);
        }
        for (int i = k; i < z.length; i++) {
            long candidate = key(z[i], i);
            if (candidate > ranked[0]) {
                ranked[0] = candidate;
                siftDown(ranked, 0, k);
            }
        }
        Arrays.sort(ranked, 0, k);
    }

    private static void siftDown(long[] heap, int i, int size) {
        while (true) {
            int smallest = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && heap[left] < heap[smallest]) {
                smallest = left;
            }
            if (right < size && heap[right] < heap[smallest]) {
                smallest = right;
            }
            if (smallest == i) {
                return;
            }
            long tmp = heap[i];
            heap[i] = heap[smallest];
            heap[smallest] = tmp;
            i = smallest;
        }
    }

    private static void reverse(long[] a, int n) {
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            long tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    /**
     * A long that orders (logit, token) pairs as "more likely first, then lower id": the logit's bits made
     * monotone as a signed int in the high half, the complement of the id in the low half.
     */
    static long key(float logit, int id) {
        int bits = Float.floatToIntBits(logit);
        bits ^= (bits >> 31) & 0x7fffffff;
        return ((long) bits << 32) | (~id & 0xffffffffL);
    }

    static int indexOf(long key) {
        return ~(int) key;
    }

    private static int argMax(float[] z) {
        int best = 0;
        for (int i = 1; i < z.length; i++) {
            if (z[i] > z[best]) {
                best = i;
            }
        }
        return best;
    }
}
