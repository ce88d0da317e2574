package dev.dlforge.models.text;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;

/**
 * Skip-gram word2vec with negative sampling, a port of Mikolov's {@code word2vec.c} (2013). For a
 * word w at each position and each context word c within a random window b in 1..window, the
 * context's input vector v_c is moved to raise log sigma(v_c . u_w) + sum over k noise words n of
 * log sigma(-v_c . u_n), the noise drawn from unigram^0.75. As in the C code: words of frequency f
 * are dropped with probability 1 - (sqrt(f/t) + 1) t/f before windows are drawn; sigma comes from a
 * 1,000-entry table over [-6, 6] and is clipped outside; the learning rate falls linearly from
 * alpha to alpha * 1e-4 over all epochs; threads update the shared matrices without locks
 * (Hogwild), each on its own slice of the sentences with its own linear congruential generator.
 */
public final class Word2Vec {
    static final int EXP_TABLE_SIZE = 1000;
    static final int MAX_EXP = 6;
    /** word2vec.c cuts sentences at 1,000 words. */
    static final int MAX_SENTENCE_LENGTH = 1000;
    /** word2vec.c uses 1e8; 1e7 entries (40 MB) resolve unigram^0.75 of any vocabulary we train to 1e-7. */
    static final int TABLE_SIZE = 10_000_000;
    private static final float[] EXP_TABLE = new float[EXP_TABLE_SIZE];

    static {
        for (int i = 0; i < EXP_TABLE_SIZE; i++) {
            double e = Math.exp((i / (double) EXP_TABLE_SIZE * 2 - 1) * MAX_EXP);
            EXP_TABLE[i] = (float) (e / (e + 1));
        }
    }

    /** The trained vectors and how the training went. */
    public record Result(WordVectors vectors, long trainWords, long processedWords, double seconds) {
        public double wordsPerSecond() {
            return processedWords / Math.max(seconds, 1e-9);
        }
    }

    private final Word2VecConfig config;
    private final WordCounts vocab;
    private final int[][] sentences;
    private final long trainWords;
    private final int[] table;
    private final float[] syn0;
    private final float[] syn1neg;
    private final AtomicLong wordCountActual = new AtomicLong();

    private Word2Vec(Word2VecConfig config, WordCounts vocab, int[][] sentences) {
        this.config = config;
        this.vocab = vocab;
        this.sentences = sentences;
        this.trainWords = vocab.total();
        this.table = unigramTable(vocab.counts());
        int v = vocab.size();
        int d = config.dim();
        this.syn0 = new float[v * d];
        this.syn1neg = new float[v * d];
        long next = config.seed();
        for (int i = 0; i < syn0.length; i++) {
            next = next * 25214903917L + 11;
            syn0[i] = (((next & 0xFFFF) / 65536f) - 0.5f) / d;
        }
    }

    /** Trains on {@code sentences} of tokens (already lower-cased or not, as the caller wants). */
    public static Result train(List<? extends List<String>> sentences, Word2VecConfig config) {
        WordCounts vocab = WordCounts.count(sentences, config.minCount());
        if (vocab.size() < 2) {
            throw new DlforgeException("the corpus has " + vocab.size() + " word(s) seen at least " + config.minCount() + " times",
                    "give a larger corpus or a lower --min-count");
        }
        List<int[]> encoded = new ArrayList<>();
        for (List<String> s : sentences) {
            int[] ids = s.stream().mapToInt(w -> vocab.index().getOrDefault(w, -1)).filter(i -> i >= 0).toArray();
            for (int from = 0; from < ids.length; from += MAX_SENTENCE_LENGTH) {
                encoded.add(java.util.Arrays.copyOfRange(ids, from, Math.min(ids.length, from + MAX_SENTENCE_LENGTH)));
            }
        }
        return new Word2Vec(config, vocab, encoded.toArray(int[][]::new)).run();
    }

    /** word2vec.c's InitUnigramTable: word i fills a share count_i^0.75 / sum of the table. */
    static int[] unigramTable(long[] counts) {
        double power = 0.75;
        double total = 0;
        for (long c : counts) {
            total += Math.pow(c, power);
        }
        int[] t = new int[TABLE_SIZE];
        int i = 0;
        double d1 = Math.pow(counts[0], power) / total;
        for (int a = 0; a < TABLE_SIZE; a++) {
            t[a] = i;
            if (a / (double) TABLE_SIZE > d1) {
                i++;
                d1 += Math.pow(counts[Math.min(i, counts.length - 1)], power) / total;
            }
            if (i >= counts.length) {
                i = counts.length - 1;
            }
        }
        return t;
    }

    private Result run() {
        int threads = config.threads();
        long total = (long) config.epochs() * trainWords;
        long start = System.nanoTime();
        try (ProgressBar bar = Progress.bar("word2vec", total, 0, "kword", 1000)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "word2vec");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (int id = 0; id < threads; id++) {
                    int from = (int) ((long) sentences.length * id / threads);
                    int to = (int) ((long) sentences.length * (id + 1) / threads);
                    long threadSeed = config.seed() + id;
                    jobs.add(pool.submit(() -> trainSlice(from, to, threadSeed, bar)));
                }
                for (Future<?> job : jobs) {
                    job.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DlforgeException("word2vec training interrupted", "");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a word2vec thread failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
            bar.stepTo(total);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(new WordVectors(vocab.words(), syn0, config.dim()), trainWords, wordCountActual.get(), seconds);
    }

    /** word2vec.c's TrainModelThread for skip-gram with negative sampling, on sentences [from, to). */
    private void trainSlice(int from, int to, long seed, ProgressBar bar) {
        int dim = config.dim();
        int window = config.window();
        long[] counts = vocab.counts();
        double sampleWords = config.sample() * trainWords;
        double startAlpha = config.alpha();
        long totalWords = (long) config.epochs() * trainWords + 1;
        float[] neu1e = new float[dim];
        int[] sen = new int[MAX_SENTENCE_LENGTH];
        long next = seed;
        long wordCount = 0;
        long lastWordCount = 0;
        float alpha = (float) startAlpha;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            for (int s = from; s < to; s++) {
                if (wordCount - lastWordCount > 10_000) {
                    long done = wordCountActual.addAndGet(wordCount - lastWordCount);
                    bar.stepTo(Math.min(done, totalWords - 1));
                    lastWordCount = wordCount;
                    alpha = (float) Math.max(startAlpha * (1 - done / (double) totalWords), startAlpha * 1e-4);
                }
                int[] raw = sentences[s];
                int len = 0;
                for (int w : raw) {
                    wordCount++;
                    if (sampleWords > 0) {
                        double keep = (Math.sqrt(counts[w] / sampleWords) + 1) * sampleWords / counts[w];
                        next = next * 25214903917L + 11;
                        if (keep < (next & 0xFFFF) / 65536.0) {
                            continue;
                        }
                    }
                    sen[len++] = w;
                }
                for (int pos = 0; pos < len; pos++) {
                    int word = sen[pos];
                    next = next * 25214903917L + 11;
                    int b = (int) Long.remainderUnsigned(next, window);
                    for (int a = b; a < window * 2 + 1 - b; a++) {
                        if (a == window) {
                            continue;
                        }
                        int c = pos - window + a;
                        if (c < 0 || c >= len) {
                            continue;
                        }
                        int l1 = sen[c] * dim;
                        java.util.Arrays.fill(neu1e, 0f);
                        for (int d = 0; d <= config.negative(); d++) {
                            int target;
                            int label;
                            if (d == 0) {
                                target = word;
                                label = 1;
                            } else {
                                next = next * 25214903917L + 11;
                                // word2vec.c redraws id 0, its sentence end </s>; our id 0 is a real word
                                target = table[(int) Long.remainderUnsigned(next >>> 16, TABLE_SIZE)];
                                if (target == word) {
                                    continue;
                                }
                                label = 0;
                            }
                            int l2 = target * dim;
                            float f = 0;
                            for (int k = 0; k < dim; k++) {
                                f += syn0[l1 + k] * syn1neg[l2 + k];
                            }
                            float g;
                            if (f > MAX_EXP) {
                                g = (label - 1) * alpha;
                            } else if (f < -MAX_EXP) {
                                g = label * alpha;
                            } else {
                                g = (label - EXP_TABLE[(int) ((f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2))]) * alpha;
                            }
                            for (int k = 0; k < dim; k++) { // word2vec.c's two loops, fused: same order per k
                                neu1e[k] += g * syn1neg[l2 + k];
                                syn1neg[l2 + k] += g * syn0[l1 + k];
                            }
                        }
                        for (int k = 0; k < dim; k++) {
                            syn0[l1 + k] += neu1e[k];
                        }
                    }
                }
            }
        }
        wordCountActual.addAndGet(wordCount - lastWordCount);
    }
}
