package dev.dlforge.models.retrieval;

import dev.dlforge.core.DlforgeException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * What {@link ChunkIndexWriter} and {@link ChunkIndexReader} agree on: an Apache Lucene 9 index in
 * one directory, with the documents of {@link ChunkDocument} (per chunk an HNSW vector, dot product
 * of unit vectors = cosine, the text for BM25 and stored metadata; per source its fingerprint) and,
 * in every commit's user data, the embedder that made the vectors.
 *
 * <p>Text goes through Lucene's {@link EnglishAnalyzer}: Unicode word segmentation (UAX #29, so CJK
 * ideographs become one token each), lower case, English stop words and Porter stemming. The
 * stemming lets "whales" find "whale" and "harpooned" find "harpoon", which matters for
 * question-style queries over English documents; a rare word still matches itself exactly, since
 * query and text are stemmed alike.
 */
final class ChunkIndexFormat {
    /** Commit user data: the name of the embedder that made the vectors. */
    static final String USER_EMBEDDER = "dlforge.embedder";
    /** Commit user data: the vectors' dimension, in decimal. */
    static final String USER_DIMENSION = "dlforge.dimension";

    private ChunkIndexFormat() {}

    /** The analyzer that indexes the text and that queries must use too. */
    static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    /** The user data every commit of an index built with {@code embedder} carries. */
    static Map<String, String> commitData(TextEmbedder embedder) {
        return Map.of(USER_EMBEDDER, embedder.name(), USER_DIMENSION, Integer.toString(embedder.dimension()));
    }

    /**
     * Checks that a commit's user data names {@code embedder}; an index whose commit names none
     * (there are none yet) is accepted.
     *
     * @throws DlforgeException when the index was built with another embedder or dimension
     */
    static void checkEmbedder(Path dir, Map<String, String> userData, TextEmbedder embedder) {
        String name = userData.get(USER_EMBEDDER);
        String dimension = userData.get(USER_DIMENSION);
        if (name != null && (!name.equals(embedder.name()) || !dimension.equals(Integer.toString(embedder.dimension())))) {
            throw new DlforgeException("the index at " + dir + " holds " + dimension + "-d vectors from " + name
                    + ", not " + embedder.dimension() + "-d vectors from " + embedder.name(),
                    "search it with " + name + ", or delete " + dir + " and index again");
        }
    }
}
