package dev.dlforge.projects.rag;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RecipeSchema;
import dev.dlforge.data.datasets.WordNet;
import dev.dlforge.data.wordnet.WordNetQuestionConfig;
import java.util.List;

/**
 * What a {@code rag} run evaluates: the WordNet question set's size, seed and paraphrase strength.
 * The defaults (1,000 questions over 20,000 synsets, seed 2006, every content word that has a
 * synonym swapped) reproduce docs/projects/rag.md; {@code --limit N} indexes N synset glosses (the
 * documents, rag's examples) and asks max(1, N / 20) questions about them, the same ratio, for quick runs.
 *
 * @param dataset the one set it evaluates on, {@code wordnet}
 * @param model the one retrieval stack, {@code minilm-lucene} (MiniLM embeddings in a Lucene index)
 * @param questionSet the generated questions and the glosses indexed
 * @param limit index at most this many glosses, with {@link #questionsFor} questions; 0 for the question set's own sizes
 */
@RecipeSchema(2)
public record RagRecipe(String dataset, String model, QuestionSet questionSet, int limit) {
    /** The default set's ratio: 20,000 glosses, 1,000 questions. */
    public static final int DOCUMENTS_PER_QUESTION = 20;

    /**
     * The WordNet question set ({@link WordNetQuestionConfig}).
     *
     * @param questions how many questions, half from definitions and half from usage examples
     * @param documents how many synset glosses to index: every question's own plus random others; 0 means all
     * @param seed the same seed and synsets give the same set
     * @param synonymRate the chance a content word is swapped for a synonym, from 0 (as written) to 1
     */
    public record QuestionSet(int questions, int documents, long seed, double synonymRate) {

        /** 1,000 questions over 20,000 glosses, seed 2006, every content word that has a synonym swapped. */
        public static QuestionSet defaults() {
            WordNetQuestionConfig d = WordNetQuestionConfig.defaults();
            return new QuestionSet(d.questions(), d.documents(), d.seed(), d.synonymRate());
        }
    }

    public static RagRecipe defaults() {
        return new RagRecipe(WordNet.ID, "minilm-lucene", QuestionSet.defaults(), 0);
    }

    /**
     * A schema 1 recipe (the question set's fields at the top) in this shape, so older runs evaluate
     * again; one from before the synonym rate existed is left as it is ({@link RagProject} says it
     * cannot be evaluated).
     */
    public static ObjectNode upgrade(ObjectNode fields, int fromSchema) {
        if (!fields.has("synonymRate")) {
            return fields;
        }
        RecipeJson.nest(fields, "questionSet", List.of("questions", "documents", "seed", "synonymRate"));
        fields.put("dataset", WordNet.ID).put("model", "minilm-lucene").put("limit", 0);
        return fields;
    }

    /**
     * This recipe checked, with {@code --limit}'s sizes: at most {@code limit} glosses (all of them
     * when the set indexes all) and {@link #questionsFor} questions. Checking it again changes nothing.
     */
    RagRecipe validated() {
        if (!WordNet.ID.equals(dataset)) {
            throw new DlforgeException("project rag evaluates on wordnet, not " + dataset, "leave out --dataset");
        }
        if (limit < 0) {
            throw new DlforgeException("--limit must be at least 1, got " + limit, "e.g. --limit 50 for a quick run");
        }
        QuestionSet q = questionSet;
        if (limit > 0) {
            q = new QuestionSet(Math.min(q.questions(), questionsFor(limit)), q.documents() == 0 ? limit : Math.min(q.documents(), limit),
                    q.seed(), q.synonymRate());
        }
        if (q.questions() < 1 || q.documents() < 0) {
            throw new DlforgeException("a rag recipe needs at least 1 question and 0 or more documents, got " + q.questions() + " and "
                    + q.documents(), "use --limit N with N >= 1");
        }
        if (!(q.synonymRate() >= 0 && q.synonymRate() <= 1)) {
            throw new DlforgeException("--synonym-rate must be between 0 and 1, got " + q.synonymRate(), "e.g. --synonym-rate 0.33");
        }
        return new RagRecipe(dataset, model, q, limit);
    }

    /** The questions asked of {@code documents} indexed glosses under {@code --limit}: one per 20, at least one. */
    public static int questionsFor(int documents) {
        return Math.max(1, documents / DOCUMENTS_PER_QUESTION);
    }

    public WordNetQuestionConfig questionConfig() {
        return new WordNetQuestionConfig(questionSet.seed(), questionSet.questions(), questionSet.documents(), questionSet.synonymRate());
    }
}
