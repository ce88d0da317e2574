package dev.dlforge.data.docs;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Cuts a document into chunks of at most {@link ChunkerConfig#maxTokens()} tokens, as counted by the
 * caller's counter (e.g. the embedding model's WordPiece count), and at most
 * {@link ChunkerConfig#maxChars()} characters. Chunks never cross a section (a heading or a page).
 *
 * <p>Within a section, sentences are found by the JDK's English sentence {@link BreakIterator}; a
 * single line break counts as a space (hard-wrapped text), a blank line ends a sentence. Whole
 * sentences are packed greedily while the chunk's own text still fits, the counter being applied to the
 * exact chunk text, so the bound holds for that counter. The next chunk starts with the shortest run of
 * the previous chunk's last sentences that counts at most {@link ChunkerConfig#overlapTokens()} tokens
 * (none when the last sentence alone is longer), so consecutive chunks overlap. A sentence that does
 * not fit alone is split at spaces into pieces of at most the overlap size (the bound when overlap is
 * 0), which are then packed like sentences; a word too long even for that is split between characters.
 */
public final class Chunker {
    private final ChunkerConfig config;
    private final ToIntFunction<String> tokenCount;

    /** {@code tokenCount} gives the number of tokens of a text, e.g. {@code s -> wordPiece.encode(s).size()}. */
    public Chunker(ChunkerConfig config, ToIntFunction<String> tokenCount) {
        this.config = config;
        this.tokenCount = tokenCount;
    }

    /** The chunks of every section, in document order, numbered from 0. */
    public List<Chunk> chunk(DocumentText doc) {
        List<Chunk> out = new ArrayList<>();
        for (Section section : doc.sections()) {
            String text = doc.text();
            for (int[] span : pack(text, units(text, section))) {
                out.add(new Chunk(doc.source(), out.size(), section.heading(), section.page(), span[0], span[1],
                        text.substring(span[0], span[1]), ContentHash.of(text.substring(span[0], span[1]))));
            }
        }
        return out;
    }

    /** Sentence spans of the section, each split into pieces when it does not fit alone; absolute offsets. */
    private List<int[]> units(String text, Section section) {
        List<int[]> units = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        breaks.setText(joinSingleLineBreaks(section.text()));
        int pieceTokens = config.overlapTokens() > 0 ? config.overlapTokens() : config.maxTokens();
        int from = breaks.first();
        for (int to = breaks.next(); to != BreakIterator.DONE; from = to, to = breaks.next()) {
            int a = section.start() + from;
            int b = section.start() + to;
            while (a < b && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            if (b > a) {
                if (fits(text, a, b, config.maxTokens())) {
                    units.add(new int[] {a, b});
                } else {
                    split(text, a, b, pieceTokens, units);
                }
            }
        }
        return units;
    }

    /** Greedy packing of units into chunks, with the overlap described in the class comment. */
    private List<int[]> pack(String text, List<int[]> units) {
        List<int[]> chunks = new ArrayList<>();
        int i = 0;
        while (i < units.size()) {
            int j = i;
            while (j + 1 < units.size() && fits(text, units.get(i)[0], units.get(j + 1)[1], config.maxTokens())) {
                j++;
            }
            chunks.add(new int[] {units.get(i)[0], units.get(j)[1]});
            if (j + 1 == units.size()) {
                break;
            }
            int next = j + 1;
            for (int k = i + 1; k <= j; k++) {
                if (fits(text, units.get(k)[0], units.get(j)[1], config.overlapTokens())
                        && fits(text, units.get(k)[0], units.get(j + 1)[1], config.maxTokens())) {
                    next = k;
                    break;
                }
            }
            i = next;
        }
        return chunks;
    }

    /** Splits {@code [a, b)} into pieces of at most {@code limit} tokens: at spaces, or inside a word when one is too long. */
    private void split(String text, int a, int b, int limit, List<int[]> out) {
        List<Integer> wordEnds = new ArrayList<>();
        for (int p = a; p < b; p++) {
            if (!Character.isWhitespace(text.charAt(p)) && (p + 1 == b || Character.isWhitespace(text.charAt(p + 1)))) {
                wordEnds.add(p + 1);
            }
        }
        int cur = a;
        int w = 0;
        while (cur < b) {
            while (w < wordEnds.size() && wordEnds.get(w) <= cur) {
                w++;
            }
            int end = largestFitting(text, cur, wordEnds.subList(w, wordEnds.size()), limit);
            if (end < 0) {
                end = largestFittingChar(text, cur, wordEnds.get(w), limit);
            }
            out.add(new int[] {cur, end});
            cur = end;
            while (cur < b && Character.isWhitespace(text.charAt(cur))) {
                cur++;
            }
        }
    }

    /** The largest candidate end that fits from {@code start} (binary search: counts grow with length), or -1. */
    private int largestFitting(String text, int start, List<Integer> ends, int limit) {
        int lo = -1;
        int hi = ends.size();
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (fits(text, start, ends.get(mid), limit)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo < 0 ? -1 : ends.get(lo);
    }

    /** Like {@link #largestFitting} over character positions, never splitting a surrogate pair; at least one character. */
    private int largestFittingChar(String text, int start, int wordEnd, int limit) {
        List<Integer> ends = new ArrayList<>();
        for (int p = start; p < wordEnd; p += Character.charCount(text.codePointAt(p))) {
            ends.add(p + Character.charCount(text.codePointAt(p)));
        }
        int end = largestFitting(text, start, ends, limit);
        return end < 0 ? ends.get(0) : end;
    }

    private boolean fits(String text, int a, int b, int tokens) {
        return b - a <= config.maxChars() && tokenCount.applyAsInt(text.substring(a, b)) <= tokens;
    }

    /** A line break with no blank line beside it becomes a space; the length (and so every offset) is kept. */
    static String joinSingleLineBreaks(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\n' && !nextToBreak(chars, i, -1) && !nextToBreak(chars, i, 1)) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    private static boolean nextToBreak(char[] chars, int i, int step) {
        for (int p = i + step; p >= 0 && p < chars.length; p += step) {
            if (chars[p] == '\n') {
                return true;
            }
            if (chars[p] != ' ' && chars[p] != '\t') {
                return false;
            }
        }
        return false;
    }
}
