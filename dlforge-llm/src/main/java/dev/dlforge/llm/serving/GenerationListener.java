package dev.dlforge.llm.serving;

import java.util.List;

/**
 * Hears one generation, on the scheduler's thread: it must return quickly (hand the events to the request's own
 * thread, as the HTTP server does), since every other sequence of the batch waits for it.
 */
public interface GenerationListener {
    /** One sampled token; {@code text} is the new text it completes ("" while it may begin a stop text or a character). */
    void token(Token token);

    /** The last call: why it ended and what it cost. */
    void finished(Finish finish);

    /**
     * A sampled token.
     *
     * @param id      its id
     * @param text    the text released with it (after any text withheld before it)
     * @param logprob its log-probability under the distribution it was drawn from (the Sampler's: penalised, tempered,
     *                restricted to the allowed tokens of a constrained request)
     * @param top     the most likely alternatives, best first, as many as {@code SamplingParams.topLogprobs} asks
     */
    record Token(int id, String text, double logprob, List<Alternative> top) {
        public Token {
            top = List.copyOf(top);
        }
    }

    /** A candidate token and its log-probability. */
    record Alternative(int id, double logprob) { }

    /**
     * The end of a generation.
     *
     * @param promptTokens       tokens of the prompt
     * @param cachedPromptTokens of those, the tokens whose keys and values came from a shared prefix
     * @param completionTokens   tokens sampled
     * @param error              what went wrong, for {@link FinishReason#ERROR}; null otherwise
     */
    record Finish(FinishReason reason, int promptTokens, int cachedPromptTokens, int completionTokens, String error) { }
}
