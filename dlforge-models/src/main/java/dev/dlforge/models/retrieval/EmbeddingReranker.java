package dev.dlforge.models.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-orders candidates by the exact cosine of the query embedding with each chunk's full stored
 * embedding: cos(q, c) = q . c for unit vectors. HNSW scores are approximate and BM25-only
 * candidates have no vector score at all, so this puts every candidate on one scale.
 */
public final class EmbeddingReranker {
    private final ChunkIndexReader index;

    public EmbeddingReranker(ChunkIndexReader index) {
        this.index = index;
    }

    /** Candidates by descending cosine; each gets its new 1-based rank under {@code "rerank"} and the cosine as score. */
    public List<ScoredChunk> rerank(float[] queryVector, List<ScoredChunk> candidates) {
        Map<String, float[]> vectors = index.vectors(candidates.stream().map(h -> h.chunk().id()).toList());
        List<ScoredChunk> scored = new ArrayList<>(candidates.size());
        for (ScoredChunk h : candidates) {
            float[] v = vectors.get(h.chunk().id());
            scored.add(new ScoredChunk(h.chunk(), v == null ? -1 : dot(queryVector, v), h.ranks()));
        }
        scored.sort(Comparator.comparingDouble(ScoredChunk::score).reversed());
        List<ScoredChunk> out = new ArrayList<>(scored.size());
        for (ScoredChunk h : scored) {
            Map<String, Integer> ranks = new HashMap<>(h.ranks());
            ranks.put("rerank", out.size() + 1);
            out.add(new ScoredChunk(h.chunk(), h.score(), ranks));
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
