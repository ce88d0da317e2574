package dev.dlforge.models.retrieval;

import java.util.List;

/**
 * Turns texts into unit vectors (L2 norm 1), so that the dot product of two is their cosine
 * similarity. The index records {@link #name()} and {@link #dimension()} and refuses to be opened
 * with an embedder whose vectors would not be comparable.
 */
public interface TextEmbedder {
    /** Identifies the model, e.g. {@code "all-MiniLM-L6-v2"}. */
    String name();

    /** Width of every vector. */
    int dimension();

    /** One unit vector per text, in the order given; batching is the embedder's business. */
    float[][] embed(List<String> texts);
}
