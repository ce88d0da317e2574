package dev.dlforge.core.text;

import java.util.Arrays;
import java.util.List;

/**
 * Several texts' token ids padded to one length, as a BERT-style encoder takes them: row-major
 * {@code (B, T)} arrays of int64, the attention mask 1 on real tokens and 0 on padding.
 *
 * @param size B, the number of texts
 * @param length T, the longest text's token count (special tokens included)
 * @param truncated how many of the texts lost tokens to the maximum length
 */
public record TokenBatch(int size, int length, long[] inputIds, long[] attentionMask, long[] tokenTypeIds, int truncated) {

    /** Pads {@code rows} with {@code padId} to the longest; the token types are all 0 (one segment). */
    public static TokenBatch padded(List<WordPieceTokenizer.TokenIds> rows, int padId) {
        int length = 0;
        int truncated = 0;
        for (WordPieceTokenizer.TokenIds row : rows) {
            length = Math.max(length, row.ids().length);
            truncated += row.truncated() ? 1 : 0;
        }
        long[] ids = new long[rows.size() * length];
        long[] mask = new long[rows.size() * length];
        Arrays.fill(ids, padId);
        for (int b = 0; b < rows.size(); b++) {
            int[] row = rows.get(b).ids();
            for (int t = 0; t < row.length; t++) {
                ids[b * length + t] = row[t];
                mask[b * length + t] = 1;
            }
        }
        return new TokenBatch(rows.size(), length, ids, mask, new long[rows.size() * length], truncated);
    }

    /** Real (unpadded) tokens of row {@code b}. */
    public int tokens(int b) {
        int n = 0;
        for (int t = 0; t < length; t++) {
            n += (int) attentionMask[b * length + t];
        }
        return n;
    }
}
