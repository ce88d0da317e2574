package dev.dlforge.core.text;

import java.util.List;
import java.util.Map;

/**
 * WordPiece ({@code "type": "WordPiece"}): each word becomes the longest vocabulary entry that
 * starts it, then the longest entry (written with the continuation prefix, {@code ##}) that starts
 * the rest, and so on. A word that cannot be covered this way, or that is longer than
 * {@code maxInputCharsPerWord} code points, becomes the single unknown token.
 * With all-MiniLM-L6-v2's (bert-base-uncased's) vocabulary {@code "unaffable"} gives {@code una, ##ffa, ##ble}.
 */
final class WordPieceModel {
    private final Map<String, Integer> vocab;
    private final int unknownId;
    private final String prefix;
    private final int maxInputCharsPerWord;
    /** No entry is longer, so longer candidates need not be looked up. */
    private final int longestEntry;

    WordPieceModel(Map<String, Integer> vocab, String unknownToken, String prefix, int maxInputCharsPerWord) {
        this.vocab = Map.copyOf(vocab);
        Integer unk = vocab.get(unknownToken);
        if (unk == null) {
            throw new IllegalArgumentException("the unknown token " + unknownToken + " is not in the vocabulary");
        }
        this.unknownId = unk;
        this.prefix = prefix;
        this.maxInputCharsPerWord = maxInputCharsPerWord;
        this.longestEntry = vocab.keySet().stream().mapToInt(t -> t.length()).max().orElse(0);
    }

    void tokenize(String word, List<Integer> ids) {
        int chars = word.codePointCount(0, word.length());
        if (chars > maxInputCharsPerWord) {
            ids.add(unknownId);
            return;
        }
        int first = ids.size();
        int start = 0;
        StringBuilder candidate = new StringBuilder(prefix.length() + word.length());
        while (start < word.length()) {
            Integer found = null;
            int end = Math.min(word.length(), start + longestEntry);
            if (end < word.length() && Character.isLowSurrogate(word.charAt(end))) {
                end--;
            }
            for (; end > start; end = stepBack(word, start, end)) {
                candidate.setLength(0);
                if (start > 0) {
                    candidate.append(prefix);
                }
                candidate.append(word, start, end);
                found = vocab.get(candidate.toString());
                if (found != null) {
                    break;
                }
            }
            if (found == null) {
                ids.subList(first, ids.size()).clear();
                ids.add(unknownId);
                return;
            }
            ids.add(found);
            start = end;
        }
    }

    /** One code point back, never splitting a surrogate pair. */
    private static int stepBack(String word, int start, int end) {
        int e = end - 1;
        if (e > start && Character.isLowSurrogate(word.charAt(e)) && Character.isHighSurrogate(word.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}
