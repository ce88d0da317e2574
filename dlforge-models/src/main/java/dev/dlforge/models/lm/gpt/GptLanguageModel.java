package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDManager;
import dev.dlforge.models.lm.LanguageModel;

/**
 * A {@link Gpt} as a {@link LanguageModel}, decoded by {@link KvDecoderSession}: the window slides at the block size
 * (position embeddings stop there), cached and uncached sessions give the same logits.
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
        return new KvDecoderSession(gpt, manager.newSubManager(), useCache);
    }
}
