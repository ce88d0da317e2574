package dev.dlforge.llm.tokenizer;

import java.util.List;
import java.util.Random;

/** Text for the tokenizer tests: a generated corpus to learn vocabularies from, fixed hard cases, and random strings. */
final class TestCorpus {
    private static final String[] WORDS = ("the of and to in is that it was for on are as with his they at be this from have or "
            + "by one had not but what all were when we there can an your which their said if do will each about how up out "
            + "them then she many some so these would other into has more her two like him see time could no make than first "
            + "been its who now people my made over did down only way find use may water long little very after words called "
            + "just where most know get through back much before go good new write our used me man too any day same right look "
            + "think also around another came come work three word must because does part even place well such here take why "
            + "whale ship captain sea Ahab Ishmael Queequeg harpoon ocean voyage Nantucket sailor deck mast "
            + "naïve café résumé über Straße École façade señor niño Ångström").split(" ");
    private static final String[] UNICODE = {"日本語", "中文", "한국어", "Ελληνικά", "Русский", "עברית", "العربية", "हिन्दी", "ไทย",
        "👍", "🎉", "😀", "e\u0301", "ﬁ", "Ⅻ", "½", "²", "€", "∑", "→", "…", "—", "«", "»", "“", "”", "’"};
    private static final String[] PUNCT = {".", ",", "!", "?", ";", ":", "'s", "'t", "'re", "'ll", "'ve", "'m", "'d", "'S", "'LL",
        "(", ")", "[", "]", "{", "}", "\"", "-", "_", "=", "+", "*", "/", "\\", "#", "$", "%", "^", "&", "|", "~", "`", "<", ">", "@"};
    private static final String[] SPACES = {" ", " ", " ", " ", "  ", "   ", "\n", "\n\n", "\t", " \n", "\r\n", "\u00A0", "\u3000",
        "\u2028", "\u0085", "\u000B", "\f", "\u001C", "\u2009"};

    /** Hard cases every tokenizer test runs. */
    static final List<String> FIXED = List.of(
            "Hello world", " Hello world", "Hello  world", "hello\nworld", "I'm sure you're right, DON'T you'LL see?",
            "12345 3.14159 1,000,000 2024-06-01 007", "a  b   c\n\n\t x  \r\n y   ", "   leading and trailing   ", "\n\n\n",
            " ", "  ", "x", "naïve café Ünïcödé Straße", "日本語のテキストです。", "Привет, мир! Καλημέρα κόσμε", "👍🏽🎉 emoji 😀!",
            "e\u0301 combining", "a\u00A0b\u3000c\u2028d\u0085e\u001Cf", "tabs\t\tand\u000Bvt\fff", "<|im_start|>user\nhi<|im_end|>",
            "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", "<|eot_id", "half <|im_", "<tool>x</tool>",
            "code: for (int i = 0; i < n; i++) { x += a[i]; }", "$$$ +++ <<<>>> ^^^ ||| ~~~", "...!!!???", "'s 's'S'", "Ⅻ½²",
            "ﬁne ﬂow", "harpoonocean captainsea captainseas", "end with newline\n");

    private TestCorpus() { }

    /** About {@code sentences} generated sentences, the same every run. */
    static String corpus(int sentences) {
        Random r = new Random(15);
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            int n = 3 + r.nextInt(12);
            for (int i = 0; i < n; i++) {
                String w = WORDS[r.nextInt(WORDS.length)];
                sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
                if (r.nextInt(10) == 0) {
                    sb.append(PUNCT[r.nextInt(PUNCT.length)]);
                }
                if (r.nextInt(25) == 0) {
                    sb.append(' ').append(r.nextInt(100000));
                }
                sb.append(' ');
            }
            sb.setLength(sb.length() - 1);
            sb.append(r.nextBoolean() ? ". " : ".\n");
        }
        return sb.toString();
    }

    /** A random string of words, numbers, punctuation, odd whitespace, other scripts and the given special texts. */
    static String random(Random r, List<String> specials) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(14);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(8)) {
                case 0, 1, 2 -> sb.append(WORDS[r.nextInt(WORDS.length)]);
                case 3 -> sb.append(r.nextInt(1 << r.nextInt(30)));
                case 4 -> sb.append(PUNCT[r.nextInt(PUNCT.length)]);
                case 5 -> sb.append(UNICODE[r.nextInt(UNICODE.length)]);
                case 6 -> sb.appendCodePoint(randomCodePoint(r));
                default -> sb.append(specials.isEmpty() || r.nextInt(3) > 0 ? "x" : specials.get(r.nextInt(specials.size())));
            }
            sb.append(SPACES[r.nextInt(SPACES.length)]);
        }
        return r.nextBoolean() ? sb.toString().strip() : sb.toString();
    }

    /** A code point from blocks assigned long ago (Latin to CJK), so that Unicode-version differences do not matter. */
    private static int randomCodePoint(Random r) {
        int[][] blocks = {{0x20, 0x7E}, {0xA1, 0x17F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x5D0, 0x5EA}, {0x620, 0x64A}, {0x900, 0x97F},
            {0x2000, 0x206F}, {0x2190, 0x21FF}, {0x3040, 0x30FF}, {0x4E00, 0x9FA5}, {0xAC00, 0xD7A3}, {0x1F600, 0x1F64F}};
        int[] b = blocks[r.nextInt(blocks.length)];
        int cp;
        do {
            cp = b[0] + r.nextInt(b[1] - b[0] + 1);
        } while (!Character.isDefined(cp) || Character.getType(cp) == Character.UNASSIGNED);
        return cp;
    }
}
