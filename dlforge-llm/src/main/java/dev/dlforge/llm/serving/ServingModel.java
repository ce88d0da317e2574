package dev.dlforge.llm.serving;

import dev.dlforge.llm.chat.ChatTemplate;
import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.kernel.RowPool;
import dev.dlforge.llm.model.DecoderModels;
import dev.dlforge.llm.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A GGUF file opened for serving: the engine's model with its own thread pool (closed with it), and its tokenizer
 * and chat template, read from the file's metadata by the engine's model ({@code tokenizer.ggml.*},
 * {@code tokenizer.chat_template}).
 */
public final class ServingModel implements DecoderModel {
    private final DecoderModel engine;
    private final RowPool pool;
    private final Tokenizer tokenizer;
    private final ChatTemplate template;

    private ServingModel(DecoderModel engine, RowPool pool, Tokenizer tokenizer, ChatTemplate template) {
        this.engine = engine;
        this.pool = pool;
        this.tokenizer = tokenizer;
        this.template = template;
    }

    public static ServingModel open(Path gguf, int threads) throws IOException {
        RowPool pool = new RowPool(threads);
        try {
            DecoderModel engine = DecoderModels.open(gguf, pool);
            return new ServingModel(engine, pool, engine.tokenizer(), engine.chatTemplate());
        } catch (IOException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public ModelInfo info() {
        return engine.info();
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public ChatTemplate chatTemplate() {
        return template;
    }

    @Override
    public KvCache newCache(long budgetBytes) {
        return engine.newCache(budgetBytes);
    }

    @Override
    public float[][] forward(KvCache cache, List<Step> steps) {
        return engine.forward(cache, steps);
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            pool.close();
        }
    }
}
