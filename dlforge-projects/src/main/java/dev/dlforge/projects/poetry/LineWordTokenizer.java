package dev.dlforge.projects.poetry;

import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.core.text.Vocabulary;
import dev.dlforge.core.text.WordTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lower-cased words and punctuation ({@link WordTokenizer}) with each line break a token of its own,
 * {@value #NEWLINE}, so a word-level model learns where a poem's lines and stanzas end. Words outside
 * the {@link Vocabulary} (capped in size, rare words left out) are {@code <unk>}. Decoding joins words
 * with spaces, none before closing punctuation or after an opening bracket or quote; case and the
 * exact spacing are lost, so it does not round-trip.
 */
final class LineWordTokenizer implements Tokenizer {
    static final String NEWLINE = "<nl>";
    private static final WordTokenizer WORDS = WordTokenizer.lowercase();
    private static final Set<String> NO_SPACE_BEFORE = Set.of(".", ",", ";", ":", "!", "?", ")", "]", "}", "'", "\u2019", "%");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "\"", "`");
    private final Vocabulary vocabulary;

    LineWordTokenizer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Keeps words seen at least {@code minCount} times in {@code text}, at most {@code maxSize} ids. */
    static LineWordTokenizer build(String text, int minCount, int maxSize) {
        return new LineWordTokenizer(Vocabulary.build(List.of(split(text)), minCount, maxSize));
    }

    /** The tokens of {@code text}: words of each line, {@value #NEWLINE} between lines. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.addAll(WORDS.tokens(lines[i]));
            if (i + 1 < lines.length) {
                out.add(NEWLINE);
            }
        }
        return out;
    }

    @Override
    public int[] encode(String text) {
        return vocabulary.encode(split(text));
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder();
        String previous = NEWLINE;
        for (int id : ids) {
            String token = id >= 0 && id < vocabulary.size() ? vocabulary.token(id) : Vocabulary.UNKNOWN;
            if (id == Vocabulary.PAD_ID) {
                continue;
            }
            if (token.equals(NEWLINE)) {
                out.append('\n');
            } else {
                if (!previous.equals(NEWLINE) && !NO_SPACE_BEFORE.contains(token) && !NO_SPACE_AFTER.contains(previous)) {
                    out.append(' ');
                }
                out.append(token);
            }
            previous = token;
        }
        return out.toString();
    }

    @Override
    public int vocabSize() {
        return vocabulary.size();
    }

    @Override
    public String token(int id) {
        return vocabulary.token(id);
    }

    void save(Path file) throws IOException {
        vocabulary.save(file);
    }

    static LineWordTokenizer load(Path file) throws IOException {
        return new LineWordTokenizer(Vocabulary.load(file));
    }
}
