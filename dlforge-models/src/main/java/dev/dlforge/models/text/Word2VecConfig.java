package dev.dlforge.models.text;

/**
 * Settings of skip-gram word2vec with negative sampling. {@link #defaults()} are the defaults of
 * Mikolov's {@code word2vec.c} for skip-gram ({@code -size 100 -window 5 -negative 5 -min-count 5
 * -iter 5 -sample 1e-3 -alpha 0.025}), with as many threads as cores.
 *
 * @param dim vector size
 * @param window the largest distance between a word and a context word; each position uses a
 *     random window of 1..{@code window}
 * @param negative noise words per (word, context) pair, drawn from unigram^0.75
 * @param minCount words seen fewer times are dropped from the vocabulary and the text
 * @param epochs passes over the corpus
 * @param sample subsampling threshold t: a word of frequency f is kept with probability
 *     (sqrt(f / t) + 1) t / f; 0 keeps every word
 * @param alpha the starting learning rate, decayed linearly to alpha * 1e-4
 * @param threads Hogwild worker threads; with 1 thread a run is reproducible
 * @param seed seeds initial vectors and each thread's random stream
 */
public record Word2VecConfig(int dim, int window, int negative, int minCount, int epochs, double sample,
        double alpha, int threads, long seed) {

    public Word2VecConfig {
        if (dim < 1 || window < 1 || negative < 1 || minCount < 1 || epochs < 1 || threads < 1 || sample < 0 || alpha <= 0) {
            throw new IllegalArgumentException("word2vec settings must be positive: " + dim + " " + window + " " + negative
                    + " " + minCount + " " + epochs + " " + threads + " " + sample + " " + alpha);
        }
    }

    public static Word2VecConfig defaults() {
        return new Word2VecConfig(100, 5, 5, 5, 5, 1e-3, 0.025, Runtime.getRuntime().availableProcessors(), 1L);
    }

    public Word2VecConfig withThreads(int n) {
        return new Word2VecConfig(dim, window, negative, minCount, epochs, sample, alpha, n, seed);
    }
}
