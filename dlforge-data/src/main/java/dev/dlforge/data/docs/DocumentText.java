package dev.dlforge.data.docs;

import java.nio.file.Path;
import java.util.List;

/**
 * A document's extracted text and its sections in reading order. For .txt and .md (UTF-8 with
 * {@code \n} line ends) {@code text} is the file's content, so offsets point into the file; for
 * HTML and PDF it is the extracted text, which is what offsets index.
 *
 * @param source the file read
 * @param title the HTML {@code <title>}, the first markdown {@code #} heading, else the file name
 * @param text the whole extracted text
 * @param sections non-empty, ordered, non-overlapping, each a substring of {@code text}
 */
public record DocumentText(Path source, String title, String text, List<Section> sections) implements DocumentResult {
    public DocumentText {
        sections = List.copyOf(sections);
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("a document needs a section: " + source);
        }
        int previousEnd = 0;
        for (Section s : sections) {
            if (s.start() < previousEnd || s.end() > text.length() || !text.regionMatches(s.start(), s.text(), 0, s.text().length())) {
                throw new IllegalArgumentException("section [" + s.start() + ", " + s.end() + ") of " + source
                        + " is out of order or not a substring of the text");
            }
            previousEnd = s.end();
        }
    }
}
