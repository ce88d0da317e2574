package dev.dlforge.models.retrieval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One retrievable piece of a document, as the index stores it.
 *
 * @param id unique within the index, e.g. {@code "docs/a.md#3"}
 * @param source the file it came from (a path or URI); all chunks of a source are replaced together
 * @param heading the nearest heading above the chunk; empty when the document has none
 * @param page 1-based page number; 0 when the format has no pages
 * @param start offset of the first character in the document's text
 * @param end offset after the last character
 * @param text what is embedded and searched
 * @param contentHash SHA-256 of the text (see {@link #hashOf}); equal hashes are indexed once
 */
public record Chunk(String id, String source, String heading, int page, int start, int end, String text, String contentHash) {
    public Chunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        heading = heading == null ? "" : heading;
        contentHash = contentHash == null || contentHash.isEmpty() ? hashOf(text) : contentHash;
        if (page < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException("chunk " + id + ": page must be >= 0 and 0 <= start <= end, got page "
                    + page + ", " + start + ".." + end);
        }
    }

    /** A chunk whose hash is computed from its text. */
    public static Chunk of(String id, String source, String heading, int page, int start, int end, String text) {
        return new Chunk(id, source, heading, page, start, end, text, hashOf(text));
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String hashOf(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
