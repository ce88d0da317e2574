package dev.dlforge.llm.engine;

import dev.dlforge.llm.chat.ChatTemplate;
import dev.dlforge.llm.tokenizer.Tokenizer;
import java.util.List;

/**
 * A decoder-only language model that a scheduler runs one iteration at a time over many sequences (continuous
 * batching): each iteration feeds every active sequence either a chunk of its prompt or its last sampled token, and
 * gets back the logits after the last token fed. Keys and values live in a {@link KvCache} of fixed-size blocks.
 */
public interface DecoderModel extends AutoCloseable {
    ModelInfo info();

    Tokenizer tokenizer();

    ChatTemplate chatTemplate();

    /** A paged cache for this model's layers, holding at most {@code budgetBytes} of keys and values. */
    KvCache newCache(long budgetBytes);

    /**
     * One iteration. For each step, appends {@code tokens} to the step's sequence at its current length (writing their
     * keys and values into the cache) and returns the logits, {@code (vocab)}, after the step's last token.
     *
     * @throws KvCache.OutOfBlocks when the cache has no free block for a step (the scheduler then pre-empts or waits)
     */
    float[][] forward(KvCache cache, List<Step> steps);

    /** Tokens fed to one sequence in one iteration. */
    record Step(KvCache.Sequence sequence, int[] tokens) { }

    /** What a client sees of the model. */
    record ModelInfo(String name, String architecture, int vocabularySize, int contextLength, long parameters, String tensorType) { }

    @Override
    void close();
}
