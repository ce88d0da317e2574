package dev.dlforge.core.text;

import java.text.Normalizer;

/**
 * The normalizer of BERT's {@code tokenizer.json} ({@code "type": "BertNormalizer"}), applied in
 * the order Hugging Face's tokenizers apply it:
 * <ol>
 *   <li>clean text: drop NUL, U+FFFD and "other" characters (categories Cc, Cf, Co, Cs, Cn) except
 *       tab, newline and carriage return; turn every whitespace character into a space;</li>
 *   <li>Chinese characters: put a space on each side of a CJK ideograph, so each is a word;</li>
 *   <li>strip accents: NFD, then drop non-spacing marks (Mn);</li>
 *   <li>lowercase, one code point at a time (no context rules such as Greek final sigma).</li>
 * </ol>
 * "Whitespace" is Unicode's White_Space property (what Rust's {@code char::is_whitespace} tests),
 * not Java's {@link Character#isWhitespace}, which leaves out no-break spaces.
 *
 * @param stripAccents in the file {@code null} means "as lowercase", which {@link #of} resolves
 */
record BertNormalizer(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase) {

    static BertNormalizer of(boolean cleanText, boolean handleChineseChars, Boolean stripAccents, boolean lowercase) {
        return new BertNormalizer(cleanText, handleChineseChars, stripAccents == null ? lowercase : stripAccents, lowercase);
    }

    String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean ascii = true;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (cleanText) {
                if (c == 0 || c == 0xFFFD || isControl(c)) {
                    continue;
                }
                if (isWhitespace(c)) {
                    c = ' ';
                }
            }
            if (handleChineseChars && isChinese(c)) {
                out.append(' ').appendCodePoint(c).append(' ');
            } else {
                out.appendCodePoint(c);
            }
            ascii &= c < 0x80;
        }
        String s = out.toString();
        if (stripAccents && !ascii) {
            s = withoutNonSpacingMarks(Normalizer.normalize(s, Normalizer.Form.NFD));
        }
        if (lowercase) {
            s = lowercaseEachCodePoint(s);
        }
        return s;
    }

    private static String withoutNonSpacingMarks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (!UnicodeClasses.isNonSpacingMark(c)) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** Per code point, as Rust's {@code char::to_lowercase}: İ becomes "i̇", Σ is always σ. */
    private static String lowercaseEachCodePoint(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            int lower = Character.toLowerCase(c);
            if (out == null && (lower != c || c == 0x130)) {
                out = new StringBuilder(s.length() + 4).append(s, 0, i);
            }
            if (out != null) {
                if (c == 0x130) {
                    // the one unconditional multi-character lowercase mapping in SpecialCasing.txt
                    out.append("i\u0307");
                } else {
                    out.appendCodePoint(lower);
                }
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }

    /** Tab, newline and carriage return count as whitespace, not as control characters. */
    static boolean isControl(int c) {
        return c != '\t' && c != '\n' && c != '\r' && UnicodeClasses.isOther(c);
    }

    static boolean isWhitespace(int c) {
        return UnicodeClasses.isWhiteSpace(c);
    }

    /** The CJK Unified Ideographs blocks (not Hangul, Hiragana or Katakana, which use spaces). */
    static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F)
                || (c >= 0x2B740 && c <= 0x2B81F)
                || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
