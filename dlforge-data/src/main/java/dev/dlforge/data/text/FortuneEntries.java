package dev.dlforge.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The entries of a BSD {@code fortune} file: texts separated by lines holding only {@code %}.
 * Bytes of any encoding are decoded as {@link PlainText} does (UTF-8, else windows-1252; line ends
 * normalised); terminal overstriking ({@code x BACKSPACE y}, printed as {@code y}: bold and
 * underlined words in old fortunes) keeps the character that shows. Blank lines around an entry and
 * trailing spaces are trimmed; empty entries (two {@code %} lines in a row) are dropped. Lines inside
 * an entry keep their leading tabs, which lay out verse and attributions.
 */
public final class FortuneEntries {
    /** One character struck over by the next: the terminal shows the second. */
    private static final Pattern OVERSTRIKE = Pattern.compile("[^\\n\\u0008]\\u0008");
    /** A stray backspace with nothing before it on its line. */
    private static final Pattern BACKSPACE = Pattern.compile("\\u0008");

    private FortuneEntries() {}

    public static List<String> parse(byte[] bytes, TextRepairs repairs) {
        String decoded = TextDecoder.decode(bytes, repairs);
        String struck = BACKSPACE.matcher(OVERSTRIKE.matcher(decoded).replaceAll("")).replaceAll("");
        String text = PlainText.clean(struck, repairs);
        List<String> entries = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.strip().equals("%")) {
                add(entries, entry);
                entry.setLength(0);
            } else {
                entry.append(line.stripTrailing()).append('\n');
            }
        }
        add(entries, entry);
        return entries;
    }

    private static void add(List<String> entries, StringBuilder entry) {
        String text = stripBlankLines(entry.toString());
        if (!text.isEmpty()) {
            entries.add(text);
        }
    }

    /** Drops blank lines at both ends but keeps the first line's indentation. */
    private static String stripBlankLines(String text) {
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStart = i + 1;
            } else if (!Character.isWhitespace(c)) {
                return text.substring(lineStart).stripTrailing();
            }
        }
        return "";
    }
}
