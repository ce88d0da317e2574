package dev.dlforge.projects.serving.output;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * An answer drawn from documents, each sentence cited (rag), or the statement that the documents do
 * not answer, with the passages retrieved to read instead.
 *
 * @param answer the answer with {@code [n]} markers for {@code sentences}, or a sentence saying the documents do not answer
 * @param answered false when nothing in the documents was close enough to answer
 * @param sentences the cited sentences ([1] first); empty when not answered
 * @param passages the retrieved passages, best first
 */
@JsonTypeName("answer")
public record CitedAnswer(String answer, boolean answered, List<Sentence> sentences, List<Passage> passages) implements Output {

    public CitedAnswer {
        sentences = List.copyOf(sentences);
        passages = List.copyOf(passages);
    }

    /** A sentence of a document and how close it is to the question (cosine of their embeddings). */
    public record Sentence(String text, Citation citation, double score) {}

    /** A retrieved chunk: its text, where it is, and the retriever's score. */
    public record Passage(String text, Citation citation, double score) {}

    /**
     * Where a piece of the answer stands in the documents.
     *
     * @param source the file (its path, as indexed)
     * @param heading the section heading; empty when there is none
     * @param page the 1-based PDF page; 0 for formats without pages
     * @param start character offset into the document's extracted text
     * @param end offset just past the cited text
     */
    public record Citation(String source, String heading, int page, int start, int end) {
        /** E.g. {@code report.pdf, page 3, chars 120-250} or {@code notes.md, "Install", chars 0-88}. */
        @Override
        public String toString() {
            return source + (page > 0 ? ", page " + page : "") + (heading.isEmpty() ? "" : ", \"" + heading + "\"") + ", chars " + start + "-" + end;
        }
    }
}
