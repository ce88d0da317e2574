package dev.dlforge.llm.model;

import dev.dlforge.llm.engine.PagedKvCache;
import dev.dlforge.llm.engine.PagedKvCache.PagedSequence;
import dev.dlforge.llm.kernel.Activations;
import dev.dlforge.llm.kernel.FloatDot;
import dev.dlforge.llm.kernel.RowPool;

/**
 * Causal attention of a batch of tokens over the paged cache, one (token, head) pair per task:
 * {@code out_h = softmax(q_h K_g^T / sqrt(d)) V_g} over positions {@code 0..pos} of the token's own sequence, where
 * {@code g = h / (heads / kvHeads)} is the key/value head the query head shares (GQA).
 */
final class PagedAttention {
    private PagedAttention() {
    }

    /** Writes token {@code t}'s keys and values (rows of {@code k}, {@code v}: {@code (kvDim)}) at its position. */
    static void store(PagedKvCache cache, int layer, PagedSequence seq, int pos, float[] k, float[] v) {
        int kvDim = cache.kvDim();
        int row = seq.row(pos) * kvDim;
        System.arraycopy(k, 0, cache.keys(layer), row, kvDim);
        System.arraycopy(v, 0, cache.values(layer), row, kvDim);
    }

    /**
     * @param q   {@code (T, heads * headDim)}; {@code out} the same shape
     * @param seq the sequence of each token; {@code pos} its position (keys and values of 0..pos are in the cache)
     */
    static void attend(RowPool pool, PagedKvCache cache, int layer, float[][] q, float[][] out, PagedSequence[] seq, int[] pos,
                       int tokens, int heads, int kvHeads, int headDim) {
        float[] keys = cache.keys(layer);
        float[] values = cache.values(layer);
        int kvDim = cache.kvDim();
        int group = heads / kvHeads;
        float scale = (float) (1.0 / Math.sqrt(headDim));
        pool.parallelFor(tokens * heads, task -> {
            int t = task / heads;
            int h = task % heads;
            int kvOff = (h / group) * headDim;
            int n = pos[t] + 1;
            float[] scores = new float[n];
            for (int p = 0; p < n; p++) {
                scores[p] = FloatDot.dot(q[t], h * headDim, keys, seq[t].row(p) * kvDim + kvOff, headDim) * scale;
            }
            Activations.softmax(scores, 0, n);
            java.util.Arrays.fill(out[t], h * headDim, (h + 1) * headDim, 0f);
            for (int p = 0; p < n; p++) {
                FloatDot.axpy(scores[p], values, seq[t].row(p) * kvDim + kvOff, out[t], h * headDim, headDim);
            }
        });
    }
}
