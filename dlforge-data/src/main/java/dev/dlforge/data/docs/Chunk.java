package dev.dlforge.data.docs;

import java.nio.file.Path;

/**
 * A piece of a document small enough to embed, within one section.
 *
 * @param source the document's file
 * @param ordinal 0-based position among the document's chunks
 * @param heading the section's heading, or null
 * @param page the section's 1-based PDF page, or null
 * @param start character offset into {@link DocumentText#text()}
 * @param end offset just past the chunk; {@code text} equals {@code document.text().substring(start, end)}
 * @param text the chunk's text as it stands in the document
 * @param hash {@link ContentHash#of} the text: equal for chunks that differ only in case, spacing or
 *     Unicode form, so a caller can deduplicate
 */
public record Chunk(Path source, int ordinal, String heading, Integer page, int start, int end, String text, String hash) {}
