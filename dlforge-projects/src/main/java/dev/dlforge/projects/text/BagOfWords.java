package dev.dlforge.projects.text;

import dev.dlforge.core.text.Vocabulary;
import dev.dlforge.core.text.WordTokenizer;
import java.util.List;
import java.util.TreeMap;

/**
 * Texts as word counts over a vocabulary: lower-cased {@link WordTokenizer} tokens, those not in
 * the vocabulary (id {@link Vocabulary#UNKNOWN_ID}) dropped.
 */
public final class BagOfWords {
    private static final WordTokenizer TOKENIZER = WordTokenizer.lowercase();
    private final Vocabulary vocabulary;

    public BagOfWords(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** A vocabulary of the training texts' tokens. */
    public static Vocabulary vocabulary(List<String> texts, int minCount, int maxSize) {
        return Vocabulary.build(texts.stream().map(TOKENIZER::tokens).toList(), minCount, maxSize);
    }

    public static List<String> tokens(String text) {
        return TOKENIZER.tokens(text);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Count of each known token. */
    public SparseVector counts(String text) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (String t : TOKENIZER.tokens(text)) {
            int id = vocabulary.id(t);
            if (id > Vocabulary.UNKNOWN_ID) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        int[] idx = new int[counts.size()];
        float[] val = new float[counts.size()];
        int i = 0;
        for (var e : counts.entrySet()) {
            idx[i] = e.getKey();
            val[i++] = e.getValue();
        }
        return new SparseVector(idx, val);
    }
}
