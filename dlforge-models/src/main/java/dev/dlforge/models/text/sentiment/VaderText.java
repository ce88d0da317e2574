package dev.dlforge.models.text.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A text as VADER sees it (its {@code SentiText}): whitespace-separated tokens with leading and
 * trailing ASCII punctuation stripped, unless stripping leaves two characters or fewer (then the
 * token is probably an emoticon such as {@code :)} and is kept whole); and whether the text mixes
 * ALL-CAPS and other tokens, which is when capitals count as emphasis.
 *
 * @param tokens the tokens in order, case kept
 * @param capsDifferential some but not all tokens are ALL CAPS
 */
record VaderText(List<String> tokens, boolean capsDifferential) {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /** Python's {@code string.punctuation}. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    static VaderText of(String text) {
        List<String> tokens = new ArrayList<>();
        for (String raw : WHITESPACE.split(text.strip())) {
            if (!raw.isEmpty()) {
                tokens.add(stripPunctuationIfWord(raw));
            }
        }
        int caps = 0;
        for (String t : tokens) {
            if (isUpper(t)) {
                caps++;
            }
        }
        int differential = tokens.size() - caps;
        return new VaderText(List.copyOf(tokens), differential > 0 && differential < tokens.size());
    }

    static String stripPunctuationIfWord(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && PUNCTUATION.indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && PUNCTUATION.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        String stripped = token.substring(start, end);
        return stripped.codePointCount(0, stripped.length()) <= 2 ? token : stripped;
    }

    /** Python's {@code str.isupper()}: at least one cased character, and none lower- or title-case. */
    static boolean isUpper(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            if (Character.isUpperCase(cp)) {
                cased = true;
            }
            i += Character.charCount(cp);
        }
        return cased;
    }
}
