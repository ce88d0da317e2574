package dev.dlforge.core.text;

/**
 * Several texts' token ids padded to one length, as a BERT-style encoder takes them: row-major
 * {@code (B, T)} arrays of int64, the attention mask 1 on real tokens and 0 on padding.
 *
 * @param size B, the number of texts
 * @param length T, the longest text's token count (special tokens included)
 * @param truncated how many of the texts lost tokens to the maximum length
 */
public record TokenBatch(int size, int length, long[] inputIds, long[] attentionMask, long[] tokenTypeIds, int truncated) {

    /** Real (unpadded) tokens of row {@code b}. */
    public int tokens(int b) {
        int n = 0;
        for (int t = 0; t < length; t++) {
            n += (int) attentionMask[b * length + t];
        }
        return n;
    }
}
