package dev.dlforge.projects.pos;

import dev.dlforge.core.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a word becomes the tagger's three ids: its normalised form (lower case, digits as 0, so
 * {@code 1961} and {@code 1847} share an id), its last {@value #SUFFIX} letters, and its shape.
 * Both vocabularies come from the training split and travel with the model.
 */
final class TokenFeatures {
    static final int SUFFIX = 3;
    /** Shapes: 0 padding, then lower, Capitalised, ALL CAPS, has a digit, punctuation only, other. */
    static final int SHAPES = 7;
    static final String WORDS_FILE = "words.txt";
    static final String SUFFIXES_FILE = "suffixes.txt";

    private final Vocabulary words;
    private final Vocabulary suffixes;

    TokenFeatures(Vocabulary words, Vocabulary suffixes) {
        this.words = words;
        this.suffixes = suffixes;
    }

    /** Vocabularies of the training sentences: words seen {@code minCount} times, suffixes seen twice. */
    static TokenFeatures fit(List<List<String>> sentences, int minCount, int maxWords) {
        List<List<String>> normal = new ArrayList<>();
        List<List<String>> ends = new ArrayList<>();
        for (List<String> s : sentences) {
            normal.add(s.stream().map(TokenFeatures::normalise).toList());
            ends.add(s.stream().map(TokenFeatures::suffixOf).toList());
        }
        return new TokenFeatures(Vocabulary.build(normal, minCount, maxWords), Vocabulary.build(ends, 2, 20_000));
    }

    static TokenFeatures load(Path modelDir) throws IOException {
        return new TokenFeatures(Vocabulary.load(modelDir.resolve(WORDS_FILE)), Vocabulary.load(modelDir.resolve(SUFFIXES_FILE)));
    }

    void save(Path modelDir) throws IOException {
        words.save(modelDir.resolve(WORDS_FILE));
        suffixes.save(modelDir.resolve(SUFFIXES_FILE));
    }

    int wordCount() {
        return words.size();
    }

    int suffixCount() {
        return suffixes.size();
    }

    int wordId(String w) {
        return words.id(normalise(w));
    }

    int suffixId(String w) {
        return suffixes.id(suffixOf(w));
    }

    static String normalise(String word) {
        StringBuilder b = new StringBuilder(word.length());
        word.toLowerCase(Locale.ROOT).codePoints().forEach(c -> b.appendCodePoint(Character.isDigit(c) ? '0' : c));
        return b.toString();
    }

    static String suffixOf(String word) {
        String n = normalise(word);
        return n.length() <= SUFFIX ? n : n.substring(n.length() - SUFFIX);
    }

    static int shape(String word) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            digit |= Character.isDigit(c);
            letter |= Character.isLetter(c);
        }
        if (digit) {
            return 4;
        }
        if (!letter) {
            return 5;
        }
        if (!upper) {
            return 1;
        }
        if (!lower) {
            return word.length() > 1 ? 3 : 2;
        }
        return Character.isUpperCase(word.charAt(0)) ? 2 : 6;
    }
}
