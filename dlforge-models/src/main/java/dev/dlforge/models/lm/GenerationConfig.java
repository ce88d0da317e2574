package dev.dlforge.models.lm;

import java.util.List;

/**
 * How to pick tokens. Temperature 0 is greedy (arg-max); otherwise logits are divided by the
 * temperature, restricted to the {@code topK} most likely tokens (0: all) and to the smallest set
 * whose probability reaches {@code topP} (1: all), then sampled with a generator seeded by
 * {@code seed}.
 *
 * @param maxTokens most new tokens to produce
 * @param temperature 0 for greedy; 1 samples the model's distribution
 * @param topK keep the k most likely tokens; 0 keeps all
 * @param topP nucleus: keep the most likely tokens until their probability reaches p; 1 keeps all
 * @param repetitionPenalty CTRL's penalty (Keskar et al., 2019) on tokens already in the sequence:
 *     a positive logit is divided by it, a negative one multiplied; 1 is off
 * @param stop strings that end generation; the text returned stops before the first one
 * @param seed seeds sampling, so the same seed gives the same text
 * @param useCache decode with the model's KV cache (or recurrent state) instead of recomputing
 */
public record GenerationConfig(
        int maxTokens,
        double temperature,
        int topK,
        double topP,
        double repetitionPenalty,
        List<String> stop,
        long seed,
        boolean useCache) {

    public GenerationConfig {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("max tokens must be 0 or more, got " + maxTokens);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be 0 (greedy) or more, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be 0 (off) or more, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
        if (!(repetitionPenalty > 0)) {
            throw new IllegalArgumentException("repetition penalty must be positive (1 is off), got " + repetitionPenalty);
        }
        stop = List.copyOf(stop);
        if (stop.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("a stop string cannot be empty");
        }
    }

    /** nanoGPT's sample.py defaults: 500 tokens at temperature 0.8, top-k 200, cached. */
    public static GenerationConfig defaults() {
        return new GenerationConfig(500, 0.8, 200, 1.0, 1.0, List.of(), 1337, true);
    }

    public GenerationConfig withMaxTokens(int n) {
        return new GenerationConfig(n, temperature, topK, topP, repetitionPenalty, stop, seed, useCache);
    }

    public GenerationConfig withTemperature(double t) {
        return new GenerationConfig(maxTokens, t, topK, topP, repetitionPenalty, stop, seed, useCache);
    }

    public GenerationConfig withSeed(long s) {
        return new GenerationConfig(maxTokens, temperature, topK, topP, repetitionPenalty, stop, s, useCache);
    }

    public GenerationConfig withStop(List<String> strings) {
        return new GenerationConfig(maxTokens, temperature, topK, topP, repetitionPenalty, strings, seed, useCache);
    }

    public GenerationConfig withCache(boolean cache) {
        return new GenerationConfig(maxTokens, temperature, topK, topP, repetitionPenalty, stop, seed, cache);
    }
}
