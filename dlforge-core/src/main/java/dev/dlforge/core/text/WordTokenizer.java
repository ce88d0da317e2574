package dev.dlforge.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into words, numbers and single punctuation marks, in any script. A word is letters
 * (with their combining marks) possibly joined by apostrophes or hyphens ({@code don't},
 * {@code well-known}); a number is digits with inner {@code .} or {@code ,} ({@code 3.14},
 * {@code 1,000}); any other visible character is a token of its own. Whitespace separates.
 */
public final class WordTokenizer {
    private static final Pattern TOKEN = Pattern.compile(
            "\\p{L}[\\p{L}\\p{M}]*(?:['\u2019\\-][\\p{L}\\p{M}]+)*|\\p{N}+(?:[.,]\\p{N}+)*|[^\\s\\p{L}\\p{N}\\p{M}\\p{C}]");
    private final boolean lowercase;

    private WordTokenizer(boolean lowercase) {
        this.lowercase = lowercase;
    }

    /** Lower-cases every token: the usual choice for bag-of-words models. */
    public static WordTokenizer lowercase() {
        return new WordTokenizer(true);
    }

    /** Keeps case, which taggers and sentiment rules (ALL CAPS) need. */
    public static WordTokenizer caseSensitive() {
        return new WordTokenizer(false);
    }

    public List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(lowercase ? m.group().toLowerCase(Locale.ROOT) : m.group());
        }
        return tokens;
    }
}
