package dev.dlforge.models.retrieval;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.KnnFloatVectorQuery;

/**
 * Dense retrieval: the query's embedding against the chunks' embeddings in Lucene's HNSW graph,
 * with the filter applied during the graph search. Scores are cosine similarities (Lucene's
 * dot-product score (1 + cos) / 2, mapped back). The graph is searched for at least
 * {@code candidates} neighbours (default {@value #DEFAULT_CANDIDATES}), then cut to k, because
 * HNSW's recall grows with the beam, at a cost in latency (see {@link IndexBenchmark}).
 */
public final class VectorRetriever implements Retriever {
    public static final int DEFAULT_CANDIDATES = 64;
    private final ChunkIndexReader index;
    private final int candidates;

    public VectorRetriever(ChunkIndexReader index) {
        this(index, DEFAULT_CANDIDATES);
    }

    public VectorRetriever(ChunkIndexReader index, int candidates) {
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be at least 1, got " + candidates);
        }
        this.index = index;
        this.candidates = candidates;
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public List<ScoredChunk> retrieve(String query, int k, ChunkFilter filter) {
        Retriever.checkQuery(query, k);
        return retrieve(index.embedder().embed(List.of(query))[0], k, filter);
    }

    /** As {@link #retrieve(String, int, ChunkFilter)}, for a query already embedded (a unit vector). */
    public List<ScoredChunk> retrieve(float[] queryVector, int k, ChunkFilter filter) {
        if (queryVector.length != index.embedder().dimension()) {
            throw new IllegalArgumentException("query vector has " + queryVector.length + " values, the index "
                    + index.embedder().dimension());
        }
        KnnFloatVectorQuery q = new KnnFloatVectorQuery(ChunkDocument.VECTOR, queryVector, Math.max(k, candidates), filter.toQuery());
        List<ScoredChunk> hits = index.search(q, k, name());
        List<ScoredChunk> out = new ArrayList<>(hits.size());
        for (ScoredChunk h : hits) {
            out.add(new ScoredChunk(h.chunk(), 2 * h.score() - 1, h.ranks()));
        }
        return out;
    }
}
