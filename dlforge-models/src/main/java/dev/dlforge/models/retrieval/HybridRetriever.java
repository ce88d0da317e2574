package dev.dlforge.models.retrieval;

import java.util.List;

/**
 * BM25 and vector retrieval fused by {@link ReciprocalRankFusion} (Cormack et al., 2009:
 * score = sum over the two lists of 1 / (k + rank), k = 60 by default). Each retriever contributes
 * its top {@code depth} chunks, filtered inside Lucene. With {@code rerank}, the fused top
 * {@code depth} are re-ordered by the exact cosine of the query with each chunk's stored embedding
 * ({@link EmbeddingReranker}) before the top k are returned.
 *
 * @param depth candidates taken from each retriever (and re-ranked), at least k
 */
public final class HybridRetriever implements Retriever {
    public static final int DEFAULT_DEPTH = 50;
    private final ChunkIndex index;
    private final Bm25Retriever bm25;
    private final VectorRetriever vector;
    private final ReciprocalRankFusion fusion;
    private final int depth;
    private final boolean rerank;

    public HybridRetriever(ChunkIndex index, ReciprocalRankFusion fusion, int depth, boolean rerank) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        this.index = index;
        this.bm25 = new Bm25Retriever(index);
        this.vector = new VectorRetriever(index);
        this.fusion = fusion;
        this.depth = depth;
        this.rerank = rerank;
    }

    /** RRF with k = 60, 50 candidates per retriever, no re-ranking. */
    public static HybridRetriever of(ChunkIndex index) {
        return new HybridRetriever(index, ReciprocalRankFusion.defaults(), DEFAULT_DEPTH, false);
    }

    public HybridRetriever withRerank(boolean on) {
        return new HybridRetriever(index, fusion, depth, on);
    }

    @Override
    public String name() {
        return rerank ? "hybrid+rerank" : "hybrid";
    }

    @Override
    public List<ScoredChunk> retrieve(String query, int k, ChunkFilter filter) {
        Retriever.checkQuery(query, k);
        int n = Math.max(k, depth);
        float[] q = index.embedder().embed(List.of(query))[0];
        List<ScoredChunk> fused = fusion.fuse(List.of(bm25.retrieve(query, n, filter), vector.retrieve(q, n, filter)));
        if (rerank) {
            fused = new EmbeddingReranker(index).rerank(q, fused.subList(0, Math.min(n, fused.size())));
        }
        return List.copyOf(fused.subList(0, Math.min(k, fused.size())));
    }
}
