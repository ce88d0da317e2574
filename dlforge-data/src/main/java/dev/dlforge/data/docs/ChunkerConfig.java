package dev.dlforge.data.docs;

/**
 * Bounds for {@link Chunker}.
 *
 * @param maxTokens no chunk counts more tokens than this (by the caller's counter)
 * @param overlapTokens each chunk repeats up to this many tokens of whole sentences from the end of
 *     the previous chunk in the same section, so a fact cut at a boundary is whole in one of them
 * @param maxChars no chunk is longer than this in characters (guards against text a tokenizer counts
 *     as few tokens, e.g. a 10,000-character base64 line that WordPiece reads as one unknown token)
 */
public record ChunkerConfig(int maxTokens, int overlapTokens, int maxChars) {
    /** 200 tokens (MiniLM reads 256 with its special tokens), 40 of overlap, 2,000 characters. */
    public static ChunkerConfig defaults() {
        return new ChunkerConfig(200, 40, 2_000);
    }

    public ChunkerConfig {
        if (maxTokens < 1 || overlapTokens < 0 || overlapTokens >= maxTokens || maxChars < 1) {
            throw new IllegalArgumentException("need maxTokens >= 1, 0 <= overlapTokens < maxTokens, maxChars >= 1; got "
                    + maxTokens + ", " + overlapTokens + ", " + maxChars);
        }
    }
}
