package dev.dlforge.llm.model;

import dev.dlforge.llm.engine.DecoderModel.Step;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.engine.PagedKvCache;
import dev.dlforge.llm.engine.PagedKvCache.PagedSequence;
import java.util.List;

/**
 * One iteration's tokens flattened: token {@code t} of the batch, its sequence and its position there. Making it
 * reserves cache room for every step (so a forward pass either has all its blocks or fails before computing anything
 * for the step that lacks them); {@link #commit} records the tokens as cached.
 */
final class Batch {
    private final PagedKvCache cache;
    private final List<Step> steps;
    private final int[] tokens;
    private final int[] positions;
    private final PagedSequence[] sequences;
    private final int[] lastToken;

    private Batch(PagedKvCache cache, List<Step> steps, int n) {
        this.cache = cache;
        this.steps = steps;
        this.tokens = new int[n];
        this.positions = new int[n];
        this.sequences = new PagedSequence[n];
        this.lastToken = new int[steps.size()];
    }

    static Batch of(KvCache kvCache, List<Step> steps, int contextLength, int vocab) {
        if (!(kvCache instanceof PagedKvCache cache)) {
            throw new IllegalArgumentException("this model runs over its own PagedKvCache (model.newCache), not " + kvCache.getClass().getName());
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a forward pass needs at least one step");
        }
        int n = 0;
        for (Step s : steps) {
            if (s.tokens().length == 0) {
                throw new IllegalArgumentException("a step needs at least one token");
            }
            int end = s.sequence().length() + s.tokens().length;
            if (end > contextLength) {
                throw new IllegalArgumentException("a sequence of " + end + " tokens exceeds the model's context of " + contextLength + " tokens");
            }
            for (int id : s.tokens()) {
                if (id < 0 || id >= vocab) {
                    throw new IllegalArgumentException("token id " + id + " is outside the vocabulary (0.." + (vocab - 1) + ")");
                }
            }
            n += s.tokens().length;
        }
        Batch b = new Batch(cache, steps, n);
        int t = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            PagedSequence seq = (PagedSequence) s.sequence();
            seq.reserve(s.tokens().length);
            for (int j = 0; j < s.tokens().length; j++, t++) {
                b.tokens[t] = s.tokens()[j];
                b.positions[t] = seq.length() + j;
                b.sequences[t] = seq;
            }
            b.lastToken[i] = t - 1;
        }
        return b;
    }

    PagedKvCache cache() {
        return cache;
    }

    int tokens() {
        return tokens.length;
    }

    int token(int t) {
        return tokens[t];
    }

    int position(int t) {
        return positions[t];
    }

    int[] positions() {
        return positions;
    }

    PagedSequence sequence(int t) {
        return sequences[t];
    }

    PagedSequence[] sequences() {
        return sequences;
    }

    int lastToken(int step) {
        return lastToken[step];
    }

    void commit() {
        for (Step s : steps) {
            ((PagedSequence) s.sequence()).commit(s.tokens());
        }
    }
}
