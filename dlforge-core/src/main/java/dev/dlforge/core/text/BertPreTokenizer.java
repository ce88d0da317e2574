package dev.dlforge.core.text;

import java.util.function.Predicate;

/**
 * BERT's pre-tokenizer ({@code "type": "BertPreTokenizer"}): whitespace separates words and is
 * dropped; every punctuation mark (ASCII punctuation, which includes symbols such as {@code $+<=>^`|~},
 * or Unicode category P) is a word of its own. {@code "Hey friend!?"} gives {@code Hey, friend, !, ?}.
 */
final class BertPreTokenizer {
    private BertPreTokenizer() {}

    /** Hands each word to {@code words} in order, stopping early when it returns false. */
    static void split(String text, Predicate<String> words) {
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean space = UnicodeClasses.isWhiteSpace(c);
            if (space || isPunctuation(c)) {
                if (start >= 0 && !words.test(text.substring(start, i))) {
                    return;
                }
                start = -1;
                if (!space && !words.test(text.substring(i, next))) {
                    return;
                }
            } else if (start < 0) {
                start = i;
            }
            i = next;
        }
        if (start >= 0) {
            words.test(text.substring(start));
        }
    }

    static boolean isPunctuation(int c) {
        if (c < 0x80) {
            return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
        }
        return UnicodeClasses.isPunctuation(c);
    }
}
