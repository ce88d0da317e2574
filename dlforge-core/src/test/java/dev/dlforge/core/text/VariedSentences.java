package dev.dlforge.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Sentences that exercise every branch of a BERT tokenizer: mixed case, accents, punctuation and
 * symbols, numbers, CJK, emoji (with joiners and modifiers), over-long words, control and format
 * characters, whitespace runs of every kind, special-token text, code points from every plane,
 * and empty or blank strings. Deterministic for a seed.
 */
public final class VariedSentences {
    private static final String[] WORDS = {
        "the", "The", "THE", "quick", "Brown", "fox", "JUMPS", "over", "lazy", "dog", "tokenization", "Tokenizer",
        "unaffable", "embeddings", "running", "ran", "I'm", "don't", "it's", "you're", "we've", "o'clock", "e-mail",
        "well-known", "state-of-the-art", "U.S.A.", "Dr.", "Mr", "naïve", "Café", "résumé", "Ångström", "São", "Zürich",
        "straße", "ĐÀ", "NẴNG", "İstanbul", "ΣΊΣΥΦΟΣ", "Οδυσσέας", "Привет", "мир", "שָׁלוֹם", "مرحبا", "नमस्ते", "ไทย",
        "你好", "世界", "東京タワー", "ひらがな", "カタカナ", "한국어", "日本語", "𠀀𠀁", "𪜀", "ﬁnance", "Ⅻ", "①", "x²", "½",
        "COVID-19", "iPhone", "McDonald's", "JavaScript", "machine", "learning", "deep", "neural", "network", "model",
        "sentence", "semantic", "search", "weather", "today", "tomorrow", "beautiful", "terrible", "very", "not",
        "supercalifragilisticexpialidocious", "antidisestablishmentarianism", "pneumonoultramicroscopicsilicovolcanoconiosis",
    };
    private static final String[] MARKS = {
        ".", ",", ";", ":", "!", "?", "'", "\"", "(", ")", "[", "]", "{", "}", "<", ">", "-", "—", "–", "…", "/", "\\",
        "@", "#", "&", "*", "_", "+", "=", "|", "~", "^", "`", "$", "%", "€", "£", "¥", "©", "®", "™", "°", "§", "¶",
        "«", "»", "“", "”", "‘", "’", "¿", "¡", "、", "。", "「", "」", "·", "•", "→", "∑", "√", "∞",
    };
    private static final String[] EMOJI = {
        "😀", "😂", "👍", "👍🏽", "👨‍👩‍👧", "🇫🇷", "🥲", "🫠", "❤️", "✨", "🚀", "🤖", "☕", "⚽",
    };
    private static final String[] ODD = {
        "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u00AD", "\u200B", "\u200D", "\u200E", "\u2060", "\uFEFF",
        "\uFFFD", "\uE000", "\u0301", "e\u0301", "\u0345", "\u034F", "[MASK]", "[CLS]", "[SEP]", "[PAD]", "[UNK]", "[mask]",
        "x[MASK]y", "[[MASK]]", "##", "##ing",
    };
    private static final String[] SPACES = {
        " ", " ", " ", " ", "", "  ", "   ", "\t", "\n", "\r\n", "\u000B", "\u000C", "\u00A0", "\u2003", "\u3000", "\u2028", " \t \n ",
    };

    private VariedSentences() {}

    public static List<String> generate(int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        out.add("");
        out.add(" ");
        out.add("\t\n  \u3000");
        while (out.size() < count) {
            out.add(sentence(random));
        }
        return out;
    }

    private static String sentence(Random random) {
        StringBuilder s = new StringBuilder();
        int pieces = random.nextInt(10) == 0 ? random.nextInt(200) : random.nextInt(25);
        for (int i = 0; i < pieces; i++) {
            if (i > 0) {
                s.append(pick(random, SPACES));
            }
            int kind = random.nextInt(100);
            if (kind < 50) {
                s.append(pick(random, WORDS));
            } else if (kind < 62) {
                s.append(pick(random, MARKS));
            } else if (kind < 72) {
                s.append(number(random));
            } else if (kind < 78) {
                s.append(pick(random, EMOJI));
            } else if (kind < 86) {
                s.append(pick(random, ODD));
            } else if (kind < 90) {
                s.append(longWord(random));
            } else if (kind < 95) {
                s.append(pick(random, WORDS)).append(pick(random, MARKS)).append(pick(random, WORDS));
            } else {
                s.appendCodePoint(anyCodePoint(random));
            }
        }
        return s.toString();
    }

    private static String number(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Integer.toString(random.nextInt(100));
            case 1 -> Long.toString(random.nextLong());
            case 2 -> String.format(java.util.Locale.ROOT, "%.3f", random.nextDouble() * 1000);
            case 3 -> random.nextInt(1000) + "," + (100 + random.nextInt(900));
            case 4 -> "$" + random.nextInt(100) + "." + random.nextInt(100);
            default -> random.nextInt(100) + "%";
        };
    }

    /** 20 to 160 letters: beyond 100 a word is the unknown token. */
    private static String longWord(Random random) {
        StringBuilder w = new StringBuilder();
        int n = 20 + random.nextInt(141);
        for (int i = 0; i < n; i++) {
            w.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
        }
        return w.toString();
    }

    /** Any scalar value (never a lone surrogate), weighted towards the BMP. */
    private static int anyCodePoint(Random random) {
        int c = random.nextBoolean() ? random.nextInt(0x10000) : random.nextInt(0x110000);
        return c >= 0xD800 && c <= 0xDFFF ? 'x' : c;
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
