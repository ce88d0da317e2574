package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.dlforge.models.lm.LanguageModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Gpt} as a {@link LanguageModel}. A cached session feeds each new token once and keeps
 * keys and values; when the context would outgrow the block size it starts a fresh cache from the
 * last half window plus the new tokens (position embeddings stop at the block size, so the window
 * must slide). An uncached session recomputes the last block-size tokens for every step, as
 * nanoGPT's {@code generate} does; inside one window both give the same logits.
 */
public final class GptLanguageModel implements LanguageModel {
    private final Gpt gpt;

    public GptLanguageModel(Gpt gpt) {
        this.gpt = gpt;
    }

    public Gpt gpt() {
        return gpt;
    }

    @Override
    public int vocabSize() {
        return gpt.config().vocabSize();
    }

    @Override
    public int contextLength() {
        return gpt.config().blockSize();
    }

    @Override
    public Session newSession(NDManager manager, boolean useCache) {
        return new GptSession(manager.newSubManager(), useCache);
    }

    private final class GptSession implements Session {
        private final NDManager manager;
        private final ParameterStore store;
        private final KvCache cache;
        private final List<Integer> history = new ArrayList<>();

        GptSession(NDManager manager, boolean useCache) {
            this.manager = manager;
            this.store = new ParameterStore(manager, false);
            this.cache = useCache ? new KvCache(manager, gpt.config().nLayer()) : null;
        }

        @Override
        public float[] feed(int[] tokens) {
            if (tokens.length == 0) {
                throw new IllegalArgumentException("feed at least one token");
            }
            for (int id : tokens) {
                if (id < 0 || id >= vocabSize()) {
                    throw new IllegalArgumentException("token id " + id + " is outside the vocabulary (0.." + (vocabSize() - 1) + ")");
                }
                history.add(id);
            }
            int block = contextLength();
            int[] input;
            if (cache == null) {
                input = tail(Math.min(history.size(), block));
            } else if (cache.length() + tokens.length <= block) {
                input = tokens;
            } else {
                cache.clear();
                input = tail(Math.min(history.size(), Math.min(block, block / 2 + tokens.length)));
            }
            try (NDManager step = manager.newSubManager()) {
                NDArray ids = step.create(input).reshape(1, input.length);                 // (1, T)
                NDArray logits = gpt.logits(store, ids, cache, false);                     // (1, T, V)
                return logits.get(0, input.length - 1).toFloatArray();                     // (V)
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
}
