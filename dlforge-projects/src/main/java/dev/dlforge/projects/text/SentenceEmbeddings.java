package dev.dlforge.projects.text;

import dev.dlforge.models.text.MiniLmEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unit sentence vectors of texts from a frozen {@link MiniLmEncoder}, remembered per text so that a
 * run encodes each of its texts once (training, then validation scoring, read the same vectors).
 *
 * <p>MiniLM was trained on inputs of at most 256 word pieces, so a text is cut into
 * ceil(words / {@value #CHUNK_WORDS}) chunks of equal word count (a ~150-token Brown passage is one
 * chunk); its vector is the mean of its chunks' vectors weighted by their words, e = sum_i w_i e_i /
 * ||sum_i w_i e_i||. At most {@value #MAX_CHUNKS} chunks are read (the start of a very long text);
 * the rest is dropped and counted in {@link #truncatedTexts()}.
 */
public final class SentenceEmbeddings implements AutoCloseable {
    static final int CHUNK_WORDS = 180;
    static final int MAX_CHUNKS = 32;
    static final int MAX_TOKENS = 256;
    /** Bounds the memory of a long-lived (served) classifier: the cache restarts past this many cached characters. */
    static final long MAX_CACHED_CHARS = 20_000_000;
    private final MiniLmEncoder encoder;
    private final Map<String, float[]> cache = new HashMap<>();
    private long cachedChars;
    private long encodedTexts;
    private long encodedChunks;
    private long encodeNanos;
    private long truncatedTexts;

    SentenceEmbeddings(MiniLmEncoder encoder) {
        this.encoder = encoder;
    }

    /** MiniLM at its training length of {@value #MAX_TOKENS} word pieces, one thread per core. */
    static SentenceEmbeddings open() {
        return new SentenceEmbeddings(MiniLmEncoder.open(MiniLmEncoder.Options.defaults().withMaxTokens(MAX_TOKENS)));
    }

    /** (N, 384) unit vectors of {@code texts}, in order; texts seen before are not encoded again. */
    synchronized float[][] embed(List<String> texts) {
        Set<String> missing = missing(texts);
        long missingChars = missing.stream().mapToLong(String::length).sum();
        if (cachedChars + missingChars > MAX_CACHED_CHARS) {
            cache.clear(); // first, so that every text of this call is encoded below
            cachedChars = 0;
            missing = missing(texts);
            missingChars = missing.stream().mapToLong(String::length).sum();
        }
        if (!missing.isEmpty()) {
            encode(new ArrayList<>(missing));
            cachedChars += missingChars;
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = cache.get(texts.get(i));
        }
        return out;
    }

    private Set<String> missing(List<String> texts) {
        Set<String> missing = new LinkedHashSet<>();
        for (String t : texts) {
            if (!cache.containsKey(t)) {
                missing.add(t);
            }
        }
        return missing;
    }

    private void encode(List<String> texts) {
        long start = System.nanoTime();
        List<String> chunks = new ArrayList<>();
        List<Integer> chunkWords = new ArrayList<>();
        int[] firstChunk = new int[texts.size() + 1];
        for (int i = 0; i < texts.size(); i++) {
            firstChunk[i] = chunks.size();
            String[] words = texts.get(i).strip().split("\\s+");
            int n = Math.max(1, (words.length + CHUNK_WORDS - 1) / CHUNK_WORDS);
            int per = (words.length + n - 1) / n;
            if (n > MAX_CHUNKS) { // read the start in full chunks, drop the rest
                n = MAX_CHUNKS;
                per = CHUNK_WORDS;
                truncatedTexts++;
            }
            for (int c = 0; c < n; c++) {
                int from = Math.min(words.length, c * per);
                int to = Math.min(words.length, from + per);
                chunks.add(String.join(" ", java.util.Arrays.asList(words).subList(from, to)));
                chunkWords.add(Math.max(1, to - from));
            }
        }
        firstChunk[texts.size()] = chunks.size();
        float[][] vectors = encoder.embed(chunks); // (C, 384), each a unit vector
        for (int i = 0; i < texts.size(); i++) {
            float[] e = new float[MiniLmEncoder.DIMENSION];
            for (int c = firstChunk[i]; c < firstChunk[i + 1]; c++) {
                for (int d = 0; d < e.length; d++) {
                    e[d] += chunkWords.get(c) * vectors[c][d];
                }
            }
            double norm = 0;
            for (float v : e) {
                norm += v * v;
            }
            float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
            for (int d = 0; d < e.length; d++) {
                e[d] *= scale;
            }
            cache.put(texts.get(i), e);
        }
        encodedTexts += texts.size();
        encodedChunks += chunks.size();
        encodeNanos += System.nanoTime() - start;
    }

    /** Texts encoded so far (cache hits not counted). */
    synchronized long encodedTexts() {
        return encodedTexts;
    }

    synchronized long encodedChunks() {
        return encodedChunks;
    }

    synchronized double encodeSeconds() {
        return encodeNanos / 1e9;
    }

    /** Texts longer than {@value #MAX_CHUNKS} chunks whose end was dropped. */
    synchronized long truncatedTexts() {
        return truncatedTexts;
    }

    @Override
    public void close() {
        encoder.close();
    }
}
