package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.dlforge.models.lm.LanguageModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoding session over a {@link KvDecoder}. Both kinds of session see the same window of the sequence: it grows to
 * the context, and when a feed would overflow it the window slides to keep the last half context plus the new tokens
 * (keeping half means the cache is rebuilt once every context/2 tokens, not every token). A cached session feeds each
 * new token once and keeps keys and values; an uncached one recomputes the whole window every step. They give the
 * same logits (to float rounding), so the cache changes speed, not text.
 */
public final class KvDecoderSession implements LanguageModel.Session {
    private final KvDecoder model;
    private final NDManager manager;
    private final ParameterStore store;
    private final KvCache cache;
    private final List<Integer> history = new ArrayList<>();
    /** Tokens at the end of the history the model currently sees (and the cache holds). */
    private int window;

    /** A session whose arrays live in {@code manager}, which it closes. */
    public KvDecoderSession(KvDecoder model, NDManager manager, boolean useCache) {
        this.model = model;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        this.cache = useCache ? new KvCache(manager, model.layers()) : null;
    }

    @Override
    public float[] feed(int[] tokens) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("feed at least one token");
        }
        for (int id : tokens) {
            if (id < 0 || id >= model.vocabSize()) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary (0.." + (model.vocabSize() - 1) + ")");
            }
        }
        int block = model.contextLength();
        int before = history.size();
        for (int id : tokens) {
            history.add(id);
        }
        boolean slides = window + tokens.length > block;
        window = slides ? Math.min(history.size(), Math.min(block, block / 2 + tokens.length)) : window + tokens.length;
        int[] input = cache == null || slides ? tail(window) : tokens;
        try (NDManager step = manager.newSubManager()) {
            if (cache != null && slides) {
                cache.clear();
            }
            NDArray ids = step.create(input).reshape(1, input.length);                 // (1, T)
            NDArray logits = model.logits(store, ids, cache, false);                   // (1, T, V)
            return logits.get(0, input.length - 1).toFloatArray();                     // (V)
        } catch (RuntimeException e) {
            // Some layers may have appended to the cache: forget it all, and the failed tokens.
            history.subList(before, history.size()).clear();
            window = model.contextLength(); // the next feed slides and recomputes from the history
            if (cache != null) {
                cache.clear();
            }
            throw e;
        }
    }

    private int[] tail(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = history.get(history.size() - n + i);
        }
        return out;
    }

    @Override
    public int length() {
        return history.size();
    }

    @Override
    public void close() {
        manager.close(); // the cache's manager is beneath it
    }
}
