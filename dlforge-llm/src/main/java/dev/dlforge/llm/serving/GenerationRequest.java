package dev.dlforge.llm.serving;

import dev.dlforge.llm.sample.SamplingParams;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What a client asks the {@link Scheduler} to generate.
 *
 * @param prompt        token ids of the prompt (at least one)
 * @param sampling      how each next token is chosen
 * @param maxTokens     most tokens generated; the generation ends with {@link FinishReason#LENGTH} there
 * @param stop          texts that end the generation; neither they nor anything after them reach the listener
 * @param allowedTokens null for any token; else only the ids it accepts may be sampled (constrained decoding, as the
 *                      server does for the arguments of a forced tool call)
 */
public record GenerationRequest(int[] prompt, SamplingParams sampling, int maxTokens, List<String> stop, IntPredicate allowedTokens) {
    public GenerationRequest {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("a prompt needs at least one token (a BOS token for an empty text)");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, not " + maxTokens);
        }
        prompt = prompt.clone();
        stop = List.copyOf(stop);
    }

    public GenerationRequest(int[] prompt, SamplingParams sampling, int maxTokens, List<String> stop) {
        this(prompt, sampling, maxTokens, stop, null);
    }
}
