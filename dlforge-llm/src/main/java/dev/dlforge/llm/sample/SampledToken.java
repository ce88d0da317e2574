package dev.dlforge.llm.sample;

import java.util.List;

/**
 * The token a {@link Sampler} chose.
 *
 * @param id      the token
 * @param logprob its natural-log probability under the distribution it was drawn from (see {@link Sampler})
 * @param top     the {@code topLogprobs} most likely tokens of that distribution, most likely first (empty when 0)
 */
public record SampledToken(int id, double logprob, List<TokenLogprob> top) {
    public SampledToken {
        top = List.copyOf(top);
    }
}
