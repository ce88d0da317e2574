package dev.dlforge.models.retrieval;

import java.util.Map;

/**
 * A retrieved chunk.
 *
 * @param chunk the chunk with its metadata
 * @param score higher is better; its scale depends on the retriever (BM25, cosine, RRF)
 * @param ranks 1-based rank in each retriever's list that contained it, by retriever name
 *     ({@code "bm25"}, {@code "vector"}, and {@code "rerank"} after re-ranking)
 */
public record ScoredChunk(Chunk chunk, double score, Map<String, Integer> ranks) {
    public ScoredChunk {
        ranks = Map.copyOf(ranks);
    }
}
