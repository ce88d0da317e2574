package dev.dlforge.models.lm.llama;

import ai.djl.ndarray.NDManager;
import dev.dlforge.models.lm.LanguageModel;
import dev.dlforge.models.lm.gpt.KvDecoderSession;

/**
 * A {@link Llama} as a {@link LanguageModel} (for {@code TextGenerator}), decoded by {@link KvDecoderSession}: past the
 * context the window slides and is recomputed with positions from 0, as a fresh prompt would be.
 */
public final class LlamaLanguageModel implements LanguageModel {
    private final Llama llama;

    public LlamaLanguageModel(Llama llama) {
        this.llama = llama;
    }

    public Llama llama() {
        return llama;
    }

    @Override
    public int vocabSize() {
        return llama.config().vocab();
    }

    @Override
    public int contextLength() {
        return llama.config().context();
    }

    @Override
    public Session newSession(NDManager manager, boolean useCache) {
        return new KvDecoderSession(llama, manager.newSubManager(), useCache);
    }
}
