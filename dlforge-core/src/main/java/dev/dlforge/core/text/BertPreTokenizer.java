package dev.dlforge.core.text;

import java.util.List;

/**
 * BERT's pre-tokenizer ({@code "type": "BertPreTokenizer"}): whitespace separates words and is
 * dropped; every punctuation mark (ASCII punctuation, which includes symbols such as {@code $+<=>^`|~},
 * or Unicode category P) is a word of its own. {@code "Hey friend!?"} gives {@code Hey, friend, !, ?}.
 */
final class BertPreTokenizer {
    private BertPreTokenizer() {}

    static void split(String text, List<String> words) {
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean space = UnicodeClasses.isWhiteSpace(c);
            if (space || isPunctuation(c)) {
                if (start >= 0) {
                    words.add(text.substring(start, i));
                    start = -1;
                }
                if (!space) {
                    words.add(text.substring(i, next));
                }
            } else if (start < 0) {
                start = i;
            }
            i = next;
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
    }

    static boolean isPunctuation(int c) {
        if (c < 0x80) {
            return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
        }
        return UnicodeClasses.isPunctuation(c);
    }
}
