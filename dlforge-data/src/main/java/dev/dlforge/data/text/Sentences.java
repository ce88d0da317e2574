package dev.dlforge.data.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Running prose to sentences: paragraphs are separated by blank lines, the lines of a paragraph are
 * joined with spaces (hard-wrapped books), and each paragraph is cut by the JDK's English sentence
 * {@link BreakIterator}. Sentences longer than {@link #MAX_SENTENCE_CHARS} are cut there (counted).
 */
public final class Sentences {
    public static final int MAX_SENTENCE_CHARS = 5_000;
    public static final String SENTENCES_CUT = "sentences over " + MAX_SENTENCE_CHARS + " characters cut";

    private Sentences() {}

    public static List<String> fromProse(String cleanText, TextRepairs repairs) {
        List<String> out = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        for (String paragraph : cleanText.split("\n\\s*\n")) {
            String joined = paragraph.strip().replaceAll("\\s+", " ");
            if (joined.isEmpty()) {
                continue;
            }
            breaks.setText(joined);
            int start = breaks.first();
            for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                add(joined.substring(start, end), out, repairs);
            }
        }
        return out;
    }

    /** Adds {@code sentence} stripped, unless blank; cut to {@link #MAX_SENTENCE_CHARS}. */
    public static void add(String sentence, List<String> out, TextRepairs repairs) {
        String s = sentence.strip();
        if (s.isEmpty()) {
            return;
        }
        if (s.length() > MAX_SENTENCE_CHARS) {
            int cut = Character.isHighSurrogate(s.charAt(MAX_SENTENCE_CHARS - 1)) ? MAX_SENTENCE_CHARS - 1 : MAX_SENTENCE_CHARS;
            s = s.substring(0, cut);
            repairs.add(SENTENCES_CUT);
        }
        out.add(s);
    }
}
