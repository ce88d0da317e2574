package dev.dlforge.data.read;

import dev.dlforge.data.text.BrownDocument;
import dev.dlforge.data.text.TaggedSentence;
import dev.dlforge.data.text.TextDecoder;
import dev.dlforge.data.text.TextRepairs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the Brown corpus as NLTK distributes it: one file per text sample ({@code ca01} ...
 * {@code cr09}) holding one sentence per tab-indented line of {@code word/tag} tokens, and
 * {@code cats.txt} giving each file's genre ({@code ca01 news}).
 *
 * <p>Malformed input never stops the read: a token with no {@code /tag} is skipped, a sentence
 * longer than {@value #MAX_SENTENCE_TOKENS} tokens is cut, and both are counted in the warnings.
 */
public final class BrownReader {
    public static final int MAX_SENTENCE_TOKENS = 400;
    public static final String CATEGORIES = "cats.txt";

    private BrownReader() {}

    /** File id to genre, in file order, from {@code cats.txt}. */
    public static Map<String, String> categories(Path catsTxt) throws IOException {
        Map<String, String> genres = new LinkedHashMap<>();
        for (String line : TextDecoder.decode(Files.readAllBytes(catsTxt), new TextRepairs()).split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length >= 2 && !parts[0].isEmpty()) {
                genres.put(parts[0], parts[1]);
            }
        }
        return genres;
    }

    /** Reads every document listed in {@code dir/cats.txt}. */
    public static List<BrownDocument> readAll(Path dir, TextRepairs warnings) throws IOException {
        Map<String, String> genres = categories(dir.resolve(CATEGORIES));
        if (genres.isEmpty()) {
            throw new IOException(dir.resolve(CATEGORIES) + " lists no documents");
        }
        List<BrownDocument> docs = new ArrayList<>(genres.size());
        for (var e : genres.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                warnings.add("document listed in cats.txt but missing");
                continue;
            }
            docs.add(document(e.getKey(), e.getValue(), TextDecoder.decode(Files.readAllBytes(file), warnings), warnings));
        }
        return docs;
    }

    /** Parses one document's text: each non-blank line is a sentence. */
    public static BrownDocument document(String id, String genre, String text, TextRepairs warnings) {
        List<TaggedSentence> sentences = new ArrayList<>();
        for (String line : text.split("\n")) {
            TaggedSentence s = sentence(line, warnings);
            if (s != null) {
                sentences.add(s);
            }
        }
        return new BrownDocument(id, genre, sentences);
    }

    /** One line of {@code word/tag} tokens; null when it holds none. */
    static TaggedSentence sentence(String line, TextRepairs warnings) {
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String token : line.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            int slash = token.lastIndexOf('/');
            if (slash <= 0 || slash == token.length() - 1) {
                warnings.add("token without word/tag form skipped");
                continue;
            }
            if (words.size() == MAX_SENTENCE_TOKENS) {
                warnings.add("sentence cut at " + MAX_SENTENCE_TOKENS + " tokens");
                break;
            }
            words.add(token.substring(0, slash));
            tags.add(token.substring(slash + 1).toUpperCase(Locale.ROOT));
        }
        return words.isEmpty() ? null : new TaggedSentence(words, tags);
    }
}
