package dev.dlforge.projects.rag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers through a {@link ChatGenerator} from retrieved passages numbered as sources, asking it to
 * cite them as {@code [n]}. Retrieval and the confidence check are the {@link ExtractiveAnswerer}'s:
 * when it finds no sentence close enough to the question the generator is not asked at all and the
 * answer is {@link Answer#NO_ANSWER}, so a generator never guesses from unrelated passages.
 */
public final class GroundedGenerator {
    static final String INSTRUCTION = "Answer the question using only the numbered sources. Cite every source you use as [n]. "
            + "If the sources do not contain the answer, reply exactly: " + Answer.NO_ANSWER;
    private static final Pattern CITE = Pattern.compile("\\[(\\d{1,3})]");

    /**
     * @param text the generator's reply ({@link Answer#NO_ANSWER} when retrieval was not confident)
     * @param sources the numbered passages it was given: {@code [1]} is the first
     * @param cited the source numbers the reply cites that exist, ascending
     * @param retrieval the extractive answer the sources came from
     */
    public record GroundedAnswer(String text, List<Answer.Passage> sources, List<Integer> cited, Answer retrieval) {
        public String render() {
            StringBuilder out = new StringBuilder(text).append('\n');
            List<Answer.Passage> shown = retrieval.answered() ? sources : retrieval.passages();
            if (!shown.isEmpty()) {
                out.append(retrieval.answered() ? "Sources:\n" : "Closest passages:\n");
            }
            for (int i = 0; i < shown.size(); i++) {
                out.append(String.format(Locale.ROOT, "[%d] %s%s%n", i + 1, shown.get(i).citation(),
                        cited.contains(i + 1) ? " (cited)" : ""));
            }
            return out.toString();
        }
    }

    private final ExtractiveAnswerer retriever;
    private final ChatGenerator generator;

    public GroundedGenerator(ExtractiveAnswerer retriever, ChatGenerator generator) {
        this.retriever = retriever;
        this.generator = generator;
    }

    public GroundedAnswer answer(String question) {
        Answer extractive = retriever.answer(question);
        if (!extractive.answered()) {
            return new GroundedAnswer(Answer.NO_ANSWER, List.of(), List.of(), extractive);
        }
        List<Answer.Passage> sources = extractive.passages();
        String reply = generator.complete(INSTRUCTION, prompt(question, sources));
        return new GroundedAnswer(reply, sources, cited(reply, sources.size()), extractive);
    }

    /** {@code Sources:\n[1] (file, page) text\n...\n\nQuestion: ...}. */
    static String prompt(String question, List<Answer.Passage> sources) {
        StringBuilder out = new StringBuilder("Sources:\n");
        for (int i = 0; i < sources.size(); i++) {
            Answer.Passage p = sources.get(i);
            out.append('[').append(i + 1).append("] (").append(p.citation().fileName())
                    .append(p.citation().page() > 0 ? ", page " + p.citation().page() : "").append(") ")
                    .append(p.text().replaceAll("\\s+", " ").strip()).append('\n');
        }
        return out.append("\nQuestion: ").append(question.strip()).toString();
    }

    static List<Integer> cited(String reply, int sources) {
        TreeSet<Integer> out = new TreeSet<>();
        Matcher m = CITE.matcher(reply);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= sources) {
                out.add(n);
            }
        }
        return new ArrayList<>(out);
    }
}
