package dev.dlforge.data.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document into passages of about {@code targetTokens} tokens on sentence boundaries:
 * sentences are added to a passage until it holds at least {@code targetTokens} tokens; what is left
 * at the end of the document joins the last passage if it is shorter than half the target (so no
 * passage is a stub), else it is a passage of its own. A sentence longer than the target is a
 * passage by itself. Each passage is its sentences detokenised and joined by single spaces.
 */
public final class Passages {
    private Passages() {}

    /** The passages of {@code sentences} (each a list of tokens), in document order. */
    public static List<String> cut(List<List<String>> sentences, int targetTokens) {
        if (targetTokens < 1) {
            throw new IllegalArgumentException("targetTokens must be at least 1, got " + targetTokens);
        }
        List<StringBuilder> passages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int tokens = 0;
        for (List<String> sentence : sentences) {
            String text = BrownDetokenizer.join(sentence);
            if (text.isBlank()) {
                continue;
            }
            current.append(current.isEmpty() ? "" : " ").append(text);
            tokens += sentence.size();
            if (tokens >= targetTokens) {
                passages.add(current);
                current = new StringBuilder();
                tokens = 0;
            }
        }
        if (tokens > 0) {
            if (!passages.isEmpty() && tokens < targetTokens / 2) {
                passages.get(passages.size() - 1).append(' ').append(current);
            } else {
                passages.add(current);
            }
        }
        return passages.stream().map(StringBuilder::toString).toList();
    }
}
