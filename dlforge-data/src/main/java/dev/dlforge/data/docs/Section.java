package dev.dlforge.data.docs;

/**
 * A stretch of a document under one heading on one page: the unit a chunk never crosses.
 *
 * @param text the section's text, equal to {@code document.text().substring(start, end)}
 * @param heading the heading it falls under (markdown {@code #}, HTML {@code h1..h6}), or null
 * @param page the 1-based PDF page, or null for formats without pages
 * @param start character offset of the first character in {@link DocumentText#text()}
 * @param end character offset just past the last character
 */
public record Section(String text, String heading, Integer page, int start, int end) {
    public Section {
        if (start < 0 || end < start || text.length() != end - start) {
            throw new IllegalArgumentException("section offsets [" + start + ", " + end + ") do not fit a text of "
                    + text.length() + " characters");
        }
    }
}
