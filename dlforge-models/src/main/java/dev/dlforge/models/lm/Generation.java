package dev.dlforge.models.lm;

/**
 * What {@link TextGenerator#generate} produced.
 *
 * @param text the generated text (the prompt not included), cut before the first stop string
 * @param promptTokens tokens of the prompt fed to the model (after cropping to the context length)
 * @param generatedTokens tokens sampled, the one that completed a stop string included
 * @param finishReason {@code "stop"} when a stop string ended generation, {@code "length"} when
 *     {@code maxTokens} did
 * @param seconds wall time of the whole call: encoding, the prompt's forward pass, decoding and streaming
 * @param tokensPerSecond decode speed: {@code generatedTokens} over the decode time, which runs from the
 *     moment the prompt's logits are back to the moment the last token is sampled, and covers sampling,
 *     the forward passes of the generated tokens (n tokens take n - 1, the first one's logits come from the
 *     prompt's pass) and detokenising, but not the time spent in the stream consumer (printing); 0 when
 *     nothing was generated
 */
public record Generation(
        String text,
        int promptTokens,
        int generatedTokens,
        String finishReason,
        double seconds,
        double tokensPerSecond) {

    public static final String STOP = "stop";
    public static final String LENGTH = "length";
}
