package dev.dlforge.models.lm.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.dlforge.models.lm.LanguageModel;
import java.util.Arrays;

/**
 * Decoding with a {@link RecurrentLm}: the recurrent state after the last fed token lives in the
 * session's own manager, replaced (and the old one closed) on every {@link #feed}. Without the cache
 * the session keeps the token ids instead and re-runs all of them each time.
 */
final class RecurrentLmSession implements LanguageModel.Session {
    private final RecurrentLm model;
    private final NDManager manager;
    private final boolean useCache;
    private final ParameterStore store;
    private NDList state;
    /** The ids fed so far, kept only without the cache (the cache needs just the state). */
    private int[] history = new int[0];
    private int length;
    private float[] lastLogits;

    RecurrentLmSession(RecurrentLm model, NDManager manager, boolean useCache) {
        this.model = model;
        this.manager = manager;
        this.useCache = useCache;
        this.store = new ParameterStore(manager, false);
    }

    @Override
    public float[] feed(int[] tokens) {
        for (int t : tokens) {
            if (t < 0 || t >= model.vocabSize()) {
                throw new IllegalArgumentException("token id " + t + " is outside the vocabulary [0, " + model.vocabSize() + ")");
            }
        }
        if (tokens.length == 0) {
            if (lastLogits == null) {
                throw new IllegalArgumentException("feed at least one token before asking for logits");
            }
            return lastLogits.clone();
        }
        int[] all = tokens;
        if (!useCache) {
            all = Arrays.copyOf(history, history.length + tokens.length);
            System.arraycopy(tokens, 0, all, history.length, tokens.length);
            history = all;
        }
        try (NDManager step = manager.newSubManager()) {
            int[] run = all;
            NDList in = new NDList(step.create(run, new Shape(1, run.length)));                // (1, n)
            if (useCache && state != null) {
                in.addAll(state);
            }
            NDList out = model.forward(store, in, false);
            NDArray logits = out.get(0).get(new NDIndex(0, run.length - 1));                   // (V)
            lastLogits = logits.toFloatArray();
            if (useCache) {
                NDList next = new NDList();
                for (int i = 1; i < out.size(); i++) {
                    NDArray s = out.get(i);                                                    // (L, 1, H)
                    s.attach(manager);
                    next.add(s);
                }
                if (state != null) {
                    state.close();
                }
                state = next;
            }
        }
        length += tokens.length;
        return lastLogits.clone();
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public void close() {
        manager.close();
    }
}
