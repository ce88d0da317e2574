package dev.dlforge.projects.rag;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences of a text as {@code [start, end)} offsets, surrounding space trimmed: the JDK's English
 * sentence {@link BreakIterator}, with a single line break read as a space (hard-wrapped text) and a
 * blank line as a sentence end, as the chunker reads them.
 */
public final class SentenceSpans {
    private SentenceSpans() {}

    public static List<int[]> of(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            boolean blankBefore = i > 0 && chars[i - 1] == '\n';
            boolean blankAfter = i + 1 < chars.length && chars[i + 1] == '\n';
            if (chars[i] == '\n' && !blankBefore && !blankAfter) {
                chars[i] = ' '; // same length, so offsets still index the original text
            }
        }
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        breaks.setText(new String(chars));
        List<int[]> out = new ArrayList<>();
        int from = breaks.first();
        for (int to = breaks.next(); to != BreakIterator.DONE; from = to, to = breaks.next()) {
            int a = from;
            int b = to;
            while (a < b && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            if (b > a) {
                out.add(new int[] {a, b});
            }
        }
        return out;
    }
}
