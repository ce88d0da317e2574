package dev.dlforge.projects.rag;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.models.retrieval.Bm25Retriever;
import dev.dlforge.models.retrieval.ChunkIndexReader;
import dev.dlforge.models.retrieval.HybridRetriever;
import dev.dlforge.models.retrieval.Retriever;
import dev.dlforge.models.retrieval.VectorRetriever;
import java.util.Arrays;
import java.util.Locale;

/** How chunks are found: BM25 words, MiniLM vectors, or both fused by weighted reciprocal rank fusion ({@link HybridRetriever}). */
public enum RetrievalMode {
    BM25, VECTOR, HYBRID;

    /** The retriever of this mode over {@code index}. */
    public Retriever retriever(ChunkIndexReader index) {
        return switch (this) {
            case BM25 -> new Bm25Retriever(index);
            case VECTOR -> new VectorRetriever(index);
            case HYBRID -> HybridRetriever.of(index);
        };
    }

    /** {@code bm25}, {@code vector} or {@code hybrid}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RetrievalMode parse(String text) {
        for (RetrievalMode m : values()) {
            if (m.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return m;
            }
        }
        throw new DlforgeException("unknown retrieval mode '" + text + "'",
                "choose one of: " + String.join(", ", Arrays.stream(values()).map(RetrievalMode::id).toList()));
    }
}
