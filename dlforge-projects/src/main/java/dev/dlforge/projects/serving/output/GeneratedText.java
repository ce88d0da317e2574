package dev.dlforge.projects.serving.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * What a language model wrote.
 *
 * @param text the continuation, the prompt not included, cut before the first stop string
 * @param promptTokens tokens of the prompt the model read (after cropping to its context)
 * @param generatedTokens tokens sampled
 * @param finishReason {@code stop} (a stop string) or {@code length} ({@code max_tokens})
 * @param tokensPerSecond decode speed of this request
 */
@JsonTypeName("text")
public record GeneratedText(
        String text,
        @JsonProperty("prompt_tokens") int promptTokens,
        @JsonProperty("generated_tokens") int generatedTokens,
        @JsonProperty("finish_reason") String finishReason,
        @JsonProperty("tokens_per_second") double tokensPerSecond) implements Output {}
