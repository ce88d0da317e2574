package dev.dlforge.models.lm;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/** A bigram language model: the logits of the next token are a row of a table picked by the last token. */
final class BigramModel implements LanguageModel {
    private final float[][] table;
    private final int contextLength;
    /** Every array fed to any session, in order, so tests can see what the generator gave the model. */
    final List<int[]> fed = new ArrayList<>();

    BigramModel(float[][] table, int contextLength) {
        this.table = table;
        this.contextLength = contextLength;
    }

    /** A table whose arg-max after token {@code chain[i]} is {@code chain[i + 1]} (cyclically); other rows flat. */
    static BigramModel chain(int vocabSize, int[] chain, int contextLength) {
        float[][] t = new float[vocabSize][vocabSize];
        for (int i = 0; i < chain.length; i++) {
            t[chain[i]][chain[(i + 1) % chain.length]] = 5f;
        }
        return new BigramModel(t, contextLength);
    }

    @Override
    public int vocabSize() {
        return table.length;
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public Session newSession(NDManager manager, boolean useCache) {
        return new Session() {
            private int length;
            private int last = -1;

            @Override
            public float[] feed(int[] tokens) {
                fed.add(tokens.clone());
                length += tokens.length;
                last = tokens[tokens.length - 1];
                return table[last].clone();
            }

            @Override
            public int length() {
                return length;
            }

            @Override
            public void close() {}
        };
    }
}
