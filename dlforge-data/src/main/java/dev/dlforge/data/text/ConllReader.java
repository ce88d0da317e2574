package dev.dlforge.data.text;

import dev.dlforge.core.metrics.EntitySpans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-2003 files: one token per line as {@code word POS chunk NER} (space- or tab-separated),
 * a blank line between sentences, {@code -DOCSTART-} lines between documents. The entity column may
 * be IOB1 (the original release: {@code B-} only between two adjacent entities of one type) or IOB2;
 * it is returned in IOB2, where every entity starts with {@code B-}.
 *
 * <p>Bad lines are skipped and counted, never fatal: a line with one column, a line over
 * {@value #MAX_LINE_CHARS} characters, an entity tag that is not IOB ({@code O}, {@code B-X},
 * {@code I-X}; read as {@code O}); sentences are cut at {@value #MAX_SENTENCE_TOKENS} tokens.
 */
public final class ConllReader {
    public static final int MAX_LINE_CHARS = 10_000;
    public static final int MAX_SENTENCE_TOKENS = 400;

    /** Which column becomes the tag. */
    public enum Column {
        POS, CHUNK, NER
    }

    private ConllReader() {}

    public static List<TaggedSentence> read(Path file, Column column, TextRepairs warnings) throws IOException {
        return parse(TextDecoder.decode(Files.readAllBytes(file), warnings), column, warnings);
    }

    public static List<TaggedSentence> parse(String text, Column column, TextRepairs warnings) {
        List<TaggedSentence> sentences = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("-DOCSTART-")) {
                flush(sentences, words, tags, column);
                continue;
            }
            if (line.length() > MAX_LINE_CHARS) {
                warnings.add("line over " + MAX_LINE_CHARS + " characters skipped");
                continue;
            }
            if (line.indexOf('\0') >= 0) {
                warnings.add("line with NUL bytes skipped");
                continue;
            }
            String[] cols = line.split("[ \t]+");
            if (cols.length < 2) {
                warnings.add("line with fewer than 2 columns skipped");
                continue;
            }
            String tag = switch (column) {
                case NER -> cols[cols.length - 1];
                case POS -> cols[1];
                case CHUNK -> cols.length >= 4 ? cols[2] : cols[cols.length - 1];
            };
            if (column == Column.NER && !EntitySpans.isIobTag(tag)) {
                warnings.add("entity tag that is not O, B-X or I-X read as O");
                tag = "O";
            }
            if (words.size() == MAX_SENTENCE_TOKENS) {
                warnings.add("token past " + MAX_SENTENCE_TOKENS + " in a sentence skipped");
                continue;
            }
            words.add(cols[0]);
            tags.add(tag);
        }
        flush(sentences, words, tags, column);
        return sentences;
    }

    private static void flush(List<TaggedSentence> sentences, List<String> words, List<String> tags, Column column) {
        if (!words.isEmpty()) {
            sentences.add(new TaggedSentence(words, column == Column.NER ? EntitySpans.toIob2(tags) : tags));
            words.clear();
            tags.clear();
        }
    }
}
