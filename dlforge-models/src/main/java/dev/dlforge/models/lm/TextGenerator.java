package dev.dlforge.models.lm;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.text.Tokenizer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Autoregressive text generation: encode the prompt, feed it to a {@link LanguageModel.Session}, then
 * repeatedly sample a token ({@link Sampler}), feed it, and stream the text it adds.
 *
 * <p>The prompt must not be empty: our tokenizers have no beginning-of-text token to start from, and
 * inventing one (a newline, say) would change what the model is conditioned on without saying so. A
 * prompt longer than the model's {@link LanguageModel#contextLength()} is cropped from the left (its last
 * {@code contextLength} tokens are fed, as nanoGPT crops {@code idx[:, -block_size:]}); past that, the
 * session decides how the context slides.
 *
 * <p>Streaming is exact: the chunks handed to the consumer concatenate to {@link Generation#text()}. The
 * generated ids so far are decoded as a whole and only the new, settled suffix is emitted: a trailing
 * U+FFFD is held back (a byte-level BPE token may end inside a multi-byte UTF-8 character; the next
 * token completes it), and so is any tail that could still be the start of a stop string, until the
 * next tokens show it is not. Whatever is held back when generation ends by length is flushed. This
 * relies on the tokenizer's decode of a longer sequence extending the decode of a shorter one except for
 * an incomplete trailing character, which holds for character and byte-level BPE tokenizers.
 */
public final class TextGenerator {
    private static final char REPLACEMENT = '\uFFFD';

    private final LanguageModel model;
    private final Tokenizer tokenizer;

    public TextGenerator(LanguageModel model, Tokenizer tokenizer) {
        if (tokenizer.vocabSize() > model.vocabSize()) {
            throw new DlforgeException("the tokenizer has " + tokenizer.vocabSize() + " tokens but the model scores only "
                    + model.vocabSize(), "use the tokenizer the model was trained with");
        }
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /**
     * Generates a continuation of {@code prompt}.
     *
     * @param manager parent of the session's arrays; they are closed before this returns
     * @param stream receives the text as it is produced, in chunks that concatenate to the returned text
     * @throws IllegalArgumentException when the prompt is empty or encodes to no tokens
     */
    public Generation generate(String prompt, GenerationConfig config, NDManager manager, Consumer<String> stream) {
        long start = System.nanoTime();
        if (prompt == null || prompt.isEmpty()) {
            throw new IllegalArgumentException("the prompt is empty: give the model some text to continue (a newline will do)");
        }
        int[] encoded = tokenizer.encode(prompt);
        if (encoded.length == 0) {
            throw new IllegalArgumentException("the prompt encodes to no tokens with this tokenizer");
        }
        int context = model.contextLength();
        int[] fed = encoded.length > context ? Arrays.copyOfRange(encoded, encoded.length - context, encoded.length) : encoded;
        int[] history = Arrays.copyOf(fed, fed.length + Math.min(config.maxTokens(), 1024)); // grown as needed
        int n = fed.length;
        Sampler sampler = new Sampler(config);
        StreamedText text = new StreamedText(config.stop(), stream);
        String finish = Generation.LENGTH;
        int generated = 0;
        long decodeNanos = 0;
        if (config.maxTokens() > 0) {
            try (LanguageModel.Session session = model.newSession(manager, config.useCache())) {
                float[] logits = session.feed(fed);
                long decodeStart = System.nanoTime();
                while (true) {
                    int token = sampler.next(vocabularyLogits(logits), history, n);
                    if (n == history.length) {
                        history = Arrays.copyOf(history, 2 * n);
                    }
                    history[n++] = token;
                    generated++;
                    if (text.update(tokenizer.decode(Arrays.copyOfRange(history, fed.length, n)))) {
                        finish = Generation.STOP;
                        break;
                    }
                    if (generated == config.maxTokens()) {
                        break;
                    }
                    logits = session.feed(new int[] {token});
                }
                decodeNanos = System.nanoTime() - decodeStart - text.consumerNanos();
            }
        }
        if (finish.equals(Generation.LENGTH)) {
            text.flush();
        }
        double decodeSeconds = decodeNanos / 1e9;
        double tokensPerSecond = generated > 0 && decodeSeconds > 0 ? generated / decodeSeconds : 0;
        return new Generation(text.emitted(), fed.length, generated, finish, (System.nanoTime() - start) / 1e9, tokensPerSecond);
    }

    /** The logits of the tokenizer's ids: a model may pad its vocabulary (nanoGPT: 50,304 for 50,257). */
    private float[] vocabularyLogits(float[] logits) {
        int v = tokenizer.vocabSize();
        if (logits.length < v) {
            throw new DlforgeException("the model returned " + logits.length + " logits for a vocabulary of " + v,
                    "the model and tokenizer do not belong together");
        }
        return logits.length == v ? logits : Arrays.copyOf(logits, v);
    }
}
