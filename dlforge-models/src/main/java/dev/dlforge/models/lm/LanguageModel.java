package dev.dlforge.models.lm;

import ai.djl.ndarray.NDManager;

/**
 * A trained model that scores the next token: p(x_t | x_1..x_{t-1}) = softmax(logits). Decoding runs
 * through a {@link Session}, which keeps whatever state makes the next step cheap (a transformer's
 * KV cache, a recurrent network's hidden state).
 */
public interface LanguageModel {

    int vocabSize();

    /** The most tokens the model attends to at once; {@link Integer#MAX_VALUE} for recurrent models. */
    int contextLength();

    /**
     * A fresh decoding session. Its arrays live in a sub-manager of {@code manager}, closed with the
     * session.
     *
     * @param useCache keep per-step state (KV cache); without it every step recomputes from the
     *     whole (cropped) context, as nanoGPT's {@code generate} does
     */
    Session newSession(NDManager manager, boolean useCache);

    /** One sequence being decoded. Not thread-safe. */
    interface Session extends AutoCloseable {

        /** Appends {@code tokens} to the sequence and returns the logits of the token that follows, {@code (V)}. */
        float[] feed(int[] tokens);

        /** Number of tokens fed so far. */
        int length();

        @Override
        void close();
    }
}
