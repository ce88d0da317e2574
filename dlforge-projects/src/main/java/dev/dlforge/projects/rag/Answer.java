package dev.dlforge.projects.rag;

import dev.dlforge.projects.serving.output.CitedAnswer;
import java.util.List;
import java.util.Locale;

/**
 * An extractive answer: the best sentences of the retrieved passages, each cited, or (when the best
 * is not close enough to the question) the statement that the documents do not answer it, with the
 * closest passages to read instead.
 *
 * @param question what was asked
 * @param answered false when no sentence reached the confidence threshold
 * @param sentences the answer's sentences, best first; empty when not answered
 * @param passages the retrieved passages, best first
 * @param bestScore cosine similarity of the best sentence with the question; NaN when nothing was retrieved
 */
public record Answer(String question, boolean answered, List<Sentence> sentences, List<Passage> passages, double bestScore) {
    public static final String NO_ANSWER = "The documents do not answer this.";

    public Answer {
        sentences = List.copyOf(sentences);
        passages = List.copyOf(passages);
    }

    /** A sentence of a document and how close its embedding is to the question's (cosine). */
    public record Sentence(String text, Citation citation, double score) {}

    /** A retrieved chunk: its text, where it is, and the retriever's score. */
    public record Passage(String text, Citation citation, double score) {}

    /** The answer as one paragraph with {@code [n]} markers for {@link #sentences()}, or {@link #NO_ANSWER}. */
    public String text() {
        if (!answered) {
            return NO_ANSWER;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            out.append(i == 0 ? "" : " ").append(sentences.get(i).text().replaceAll("\\s+", " ")).append(" [").append(i + 1).append(']');
        }
        return out.toString();
    }

    /** As the API, the studio and {@code dlforge predict} show it. */
    public CitedAnswer cited() {
        return new CitedAnswer(text(), answered,
                sentences.stream().map(s -> new CitedAnswer.Sentence(s.text(), s.citation().cited(), s.score())).toList(),
                passages.stream().map(p -> new CitedAnswer.Passage(p.text(), p.citation().cited(), p.score())).toList());
    }

    /** What {@code dlforge rag ask} prints: the answer, then the sources or the closest passages. */
    public String render() {
        StringBuilder out = new StringBuilder(text()).append('\n');
        if (answered) {
            for (int i = 0; i < sentences.size(); i++) {
                Sentence s = sentences.get(i);
                out.append(String.format(Locale.ROOT, "[%d] %s (similarity %.2f)%n", i + 1, s.citation(), s.score()));
            }
        } else if (!passages.isEmpty()) {
            out.append("Closest passages:\n");
            for (int i = 0; i < passages.size(); i++) {
                Passage p = passages.get(i);
                out.append(String.format(Locale.ROOT, "[%d] %s%n    %s%n", i + 1, p.citation(), excerpt(p.text(), 200)));
            }
        }
        return out.toString();
    }

    static String excerpt(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
    }
}
