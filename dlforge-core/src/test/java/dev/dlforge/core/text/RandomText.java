package dev.dlforge.core.text;

import java.util.Random;

/**
 * Random strings for property tests: words in several scripts, digits, punctuation, emoji (also
 * with skin tones and ZWJ), combining marks, runs of Unicode whitespace, CRLF and NUL. Only code
 * points assigned since Unicode 9, so every regex engine classifies them alike.
 */
final class RandomText {
    private static final String[] WORDS = {"the", "whale", "Ahab", "sea", "ship", "don't", "it's", "we'll", "they're",
        "I'm", "you've", "he'd", "naïve", "café", "Straße", "façade", "Ελλάδα", "Москва", "東京", "日本語", "한국어",
        "مرحبا", "नमस्ते", "שלום", "ไทย", "123", "3.14", "1,000", "٣٤", "Ⅻ", "½", "x²"};
    private static final String[] SYMBOLS = {".", ",", "!", "?", "...", "--", "\"", "'", "(", ")", "@", "#", "$", "%",
        "€", "©", "→", "∑", "😀", "🐋", "👍🏽", "👩‍💻", "🇫🇷", "✨", "\u0301", "e\u0301", "a\u0308\u0323", "\u200d"};
    private static final String[] SPACES = {" ", " ", " ", "  ", "   ", "\t", "\n", "\r\n", "\n\n", " \n ", "\u00a0",
        "\u2003", "\u3000", "\u000b", "\f", "\u0000", "\u2028", "\u0085"};

    private RandomText() {}

    /** A sentence-like string of up to {@code maxPieces} words, symbols and spaces. */
    static String sentence(Random random, int maxPieces) {
        StringBuilder s = new StringBuilder();
        int pieces = random.nextInt(maxPieces + 1);
        for (int i = 0; i < pieces; i++) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                String w = WORDS[random.nextInt(WORDS.length)];
                s.append(random.nextInt(8) == 0 ? w.toUpperCase(java.util.Locale.ROOT) : w);
            } else if (kind < 7) {
                s.append(SYMBOLS[random.nextInt(SYMBOLS.length)]);
            } else {
                s.append(SPACES[random.nextInt(SPACES.length)]);
            }
        }
        return s.toString();
    }

    /** Any valid code points at all (not surrogates), unassigned ones included. */
    static String anyCodePoints(Random random, int maxLength) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(maxLength + 1);
        for (int i = 0; i < n; i++) {
            int cp;
            do {
                cp = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x800);
            } while (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
            s.appendCodePoint(cp);
        }
        return s.toString();
    }
}
