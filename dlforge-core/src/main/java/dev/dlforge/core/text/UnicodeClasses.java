package dev.dlforge.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Unicode character classes BERT's normalizer and pre-tokenizer test, as Hugging Face's
 * tokenizers sees them (its tables predate Unicode 10). They come from
 * {@code bert-unicode-classes.txt} rather than {@link Character#getType}, whose Unicode version
 * is newer and depends on the JDK: a character added since (a new combining mark, say) would
 * otherwise be dropped here and kept there. The file says how it was made.
 */
final class UnicodeClasses {
    private static final Map<String, int[][]> RANGES = load();
    private static final int[][] OTHER = RANGES.get("other");
    private static final int[][] NON_SPACING_MARK = RANGES.get("nonspacing_mark");
    private static final int[][] PUNCTUATION = RANGES.get("punctuation");

    private UnicodeClasses() {}

    /**
     * What BERT's clean-text step drops: control, format, private-use and surrogate characters
     * (Cc, Cf, Co, Cs, not tab, newline or carriage return), NUL and U+FFFD. Unassigned code points
     * are kept.
     */
    static boolean isOther(int c) {
        return contains(OTHER, c);
    }

    /** General category Mn: the accents NFD splits off. */
    static boolean isNonSpacingMark(int c) {
        return c >= 0x300 && contains(NON_SPACING_MARK, c);
    }

    /** ASCII punctuation (symbols such as {@code $+<=>^`|~} included) or general category P. */
    static boolean isPunctuation(int c) {
        return contains(PUNCTUATION, c);
    }

    /** The White_Space property (PropList.txt), which Java's {@code isWhitespace} does not follow. */
    static boolean isWhiteSpace(int c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    /** Binary search over sorted, disjoint {first, last} ranges. */
    private static boolean contains(int[][] ranges, int c) {
        int[] first = ranges[0];
        int[] last = ranges[1];
        int lo = 0;
        int hi = first.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (c < first[mid]) {
                hi = mid - 1;
            } else if (c > last[mid]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static Map<String, int[][]> load() {
        Map<String, List<int[]>> lists = new HashMap<>();
        try (InputStream in = UnicodeClasses.class.getResourceAsStream("bert-unicode-classes.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("[ .]+");
                lists.computeIfAbsent(parts[0], k -> new ArrayList<>())
                        .add(new int[] {Integer.parseInt(parts[1], 16), Integer.parseInt(parts[2], 16)});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bert-unicode-classes.txt is unreadable", e);
        }
        Map<String, int[][]> ranges = new HashMap<>();
        lists.forEach((name, list) -> {
            int[][] r = new int[2][list.size()];
            for (int i = 0; i < list.size(); i++) {
                r[0][i] = list.get(i)[0];
                r[1][i] = list.get(i)[1];
            }
            ranges.put(name, r);
        });
        return ranges;
    }
}
