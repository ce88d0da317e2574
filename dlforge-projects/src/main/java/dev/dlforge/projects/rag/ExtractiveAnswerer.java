package dev.dlforge.projects.rag;

import dev.dlforge.data.docs.ContentHash;
import dev.dlforge.models.retrieval.ChunkFilter;
import dev.dlforge.models.retrieval.ChunkIndexReader;
import dev.dlforge.models.retrieval.Retriever;
import dev.dlforge.models.retrieval.ScoredChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers a question with sentences of the indexed documents. The top {@code k} chunks are retrieved
 * ({@link RetrievalMode#HYBRID} by default), cut into sentences ({@link SentenceSpans}), and every
 * sentence of at least {@value #MIN_WORDS} words is embedded with the question; a sentence scores
 * cos(q, s) = q . s (unit vectors). The answer is the best sentence and up to
 * {@code maxSentences - 1} more within {@value #MARGIN} of it, repeated text (chunk overlap) once.
 *
 * <p>When the best cosine is below {@link Config#threshold()} the answer is {@link Answer#NO_ANSWER}
 * with the passages listed: retrieval always returns something, and a sentence far from the question
 * is a guess, not an answer.
 */
public final class ExtractiveAnswerer {
    /**
     * The default confidence threshold on the best sentence's cosine. Chosen on the hand-made set in
     * ExtractiveAnswererTest (docs/projects/rag.md): its 6 answerable questions scored 0.66-0.87, its 5
     * unanswerable ones (one in Japanese) 0.02-0.17; 0.40 sits between the two with room on both sides.
     */
    public static final double THRESHOLD = 0.40;
    static final double MARGIN = 0.10;
    static final int MIN_CHARS = 12;
    /** Sentences embedded per question at most: k chunks of 200 tokens hold far fewer. */
    static final int MAX_SENTENCES_SCORED = 400;

    /**
     * @param k chunks retrieved
     * @param mode how they are retrieved
     * @param maxSentences sentences in an answer, 1 to 3
     * @param threshold the best sentence's cosine below which the documents are said not to answer
     * @param filter metadata conditions on the chunks (e.g. a source prefix)
     */
    public record Config(int k, RetrievalMode mode, int maxSentences, double threshold, ChunkFilter filter) {
        public Config {
            if (k < 1 || k > 100 || maxSentences < 1 || maxSentences > 3) {
                throw new IllegalArgumentException("k must be 1..100 and maxSentences 1..3, got " + k + ", " + maxSentences);
            }
        }

        /** 5 chunks, hybrid, up to 3 sentences, threshold {@value ExtractiveAnswerer#THRESHOLD}, no filter. */
        public static Config defaults() {
            return new Config(5, RetrievalMode.HYBRID, 3, THRESHOLD, ChunkFilter.none());
        }

        public Config withK(int n) {
            return new Config(n, mode, maxSentences, threshold, filter);
        }

        public Config withMode(RetrievalMode m) {
            return new Config(k, m, maxSentences, threshold, filter);
        }

        public Config withFilter(ChunkFilter f) {
            return new Config(k, mode, maxSentences, threshold, f);
        }
    }

    private final ChunkIndexReader index;
    private final Config config;

    public ExtractiveAnswerer(ChunkIndexReader index, Config config) {
        this.index = index;
        this.config = config;
    }

    public Answer answer(String question) {
        Retriever.checkQuery(question, config.k());
        List<ScoredChunk> hits = config.mode().retriever(index).retrieve(question, config.k(), config.filter());
        List<Answer.Passage> passages = hits.stream()
                .map(h -> new Answer.Passage(h.chunk().text(), Citation.of(h.chunk(), 0, h.chunk().text().length()), h.score())).toList();
        List<String> texts = new ArrayList<>();
        List<Citation> citations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ScoredChunk h : hits) {
            String text = h.chunk().text();
            for (int[] span : SentenceSpans.of(text)) {
                String sentence = text.substring(span[0], span[1]);
                boolean longEnough = sentence.codePointCount(0, sentence.length()) >= MIN_CHARS;
                if (texts.size() < MAX_SENTENCES_SCORED && longEnough && seen.add(ContentHash.normalise(sentence))) {
                    texts.add(sentence);
                    citations.add(Citation.of(h.chunk(), span[0], span[1]));
                }
            }
        }
        if (texts.isEmpty()) {
            return new Answer(question, false, List.of(), passages, Double.NaN);
        }
        List<String> batch = new ArrayList<>(texts.size() + 1);
        batch.add(question);
        batch.addAll(texts);
        float[][] vectors = index.embedder().embed(batch); // (1 + S, 384), unit rows
        List<Answer.Sentence> scored = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            scored.add(new Answer.Sentence(texts.get(i), citations.get(i), dot(vectors[0], vectors[i + 1])));
        }
        scored.sort(Comparator.comparingDouble(Answer.Sentence::score).reversed());
        double best = scored.get(0).score();
        if (best < config.threshold()) {
            return new Answer(question, false, List.of(), passages, best);
        }
        List<Answer.Sentence> chosen = scored.stream().filter(s -> s.score() >= best - MARGIN).limit(config.maxSentences()).toList();
        return new Answer(question, true, chosen, passages, best);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
