package dev.dlforge.projects.rag;

import dev.dlforge.models.retrieval.Chunk;
import dev.dlforge.projects.serving.output.CitedAnswer;
import java.nio.file.Path;

/**
 * Where a piece of an answer stands in the documents.
 *
 * @param source the file (its absolute path, as indexed)
 * @param heading the section heading; empty when there is none
 * @param page the 1-based PDF page; 0 for formats without pages
 * @param start character offset into the document's extracted text
 * @param end offset just past the cited text
 */
public record Citation(String source, String heading, int page, int start, int end) {

    /** The citation of {@code [from, to)} of a chunk's text. */
    public static Citation of(Chunk chunk, int from, int to) {
        return new Citation(chunk.source(), chunk.heading(), chunk.page(), chunk.start() + from, chunk.start() + to);
    }

    /** As an answer's output carries it. */
    public CitedAnswer.Citation cited() {
        return new CitedAnswer.Citation(source, heading, page, start, end);
    }

    /** The file name alone, for short displays. */
    public String fileName() {
        Path name = Path.of(source).getFileName();
        return name == null ? source : name.toString();
    }

    /** E.g. {@code report.pdf, page 3, chars 120-250} or {@code notes.md, "Install", chars 0-88}. */
    @Override
    public String toString() {
        return source + (page > 0 ? ", page " + page : "") + (heading.isEmpty() ? "" : ", \"" + heading + "\"") + ", chars " + start + "-" + end;
    }
}
