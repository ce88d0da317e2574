package dev.dlforge.llm.sample;

/**
 * How the next token is chosen, with OpenAI's parameter names and defaults.
 *
 * @param temperature      0 means greedy (argmax); else logits / temperature before softmax (OpenAI default 1)
 * @param topP             nucleus: keep the smallest set of tokens whose probabilities sum to at least topP (default 1)
 * @param seed             the random stream of this request (same seed, same prompt, same output)
 * @param presencePenalty  subtracted once from the logit of every token already generated (-2 to 2, default 0)
 * @param frequencyPenalty subtracted per occurrence of a token already generated (-2 to 2, default 0)
 * @param topLogprobs      how many alternatives' log-probabilities to report per token (0 to 20)
 */
public record SamplingParams(double temperature, double topP, long seed, double presencePenalty, double frequencyPenalty,
                             int topLogprobs) {
    public static final SamplingParams GREEDY = new SamplingParams(0, 1, 0, 0, 0, 0);
}
