package dev.dlforge.models.retrieval;

import dev.dlforge.core.DlforgeException;
import java.util.List;

/** Finds the chunks of an index that best answer a query. */
public interface Retriever {
    /** Short name that labels this retriever's ranks in {@link ScoredChunk#ranks()}. */
    String name();

    /**
     * The best {@code k} chunks for {@code query} that pass {@code filter}, best first. A query of
     * any length or script is accepted.
     *
     * @throws DlforgeException when the query is empty or blank
     */
    List<ScoredChunk> retrieve(String query, int k, ChunkFilter filter);

    /** Rejects what no retriever can answer: null, empty or whitespace-only queries, k below 1. */
    static void checkQuery(String query, int k) {
        if (query == null || query.isBlank()) {
            throw new DlforgeException("the question is empty", "ask something, e.g. dlforge rag ask \"what is a harpoon?\"");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
    }
}
