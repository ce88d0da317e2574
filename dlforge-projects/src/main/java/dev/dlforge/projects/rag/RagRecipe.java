package dev.dlforge.projects.rag;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.wordnet.WordNetQuestionConfig;
import dev.dlforge.projects.TrainOptions;

/**
 * What a {@code rag} run evaluates: the WordNet question set's size, seed and paraphrase strength.
 * The defaults (1,000 questions over 20,000 synsets, seed 2006, every content word that has a
 * synonym swapped) reproduce docs/projects/rag.md; {@code --limit N} indexes N synset glosses (the
 * documents, rag's examples) and asks max(1, N / 20) questions about them, the same ratio, for quick runs.
 */
public record RagRecipe(int questions, int documents, long seed, double synonymRate) {
    /** The default set's ratio: 20,000 glosses, 1,000 questions. */
    public static final int DOCUMENTS_PER_QUESTION = 20;

    public RagRecipe {
        if (questions < 1 || documents < 0) {
            throw new DlforgeException("a rag recipe needs at least 1 question and 0 or more documents", "use --limit N with N >= 1");
        }
        if (!(synonymRate >= 0 && synonymRate <= 1)) {
            throw new DlforgeException("--synonym-rate must be between 0 and 1, got " + synonymRate, "e.g. --synonym-rate 0.33");
        }
    }

    public static RagRecipe defaults() {
        WordNetQuestionConfig d = WordNetQuestionConfig.defaults();
        return new RagRecipe(d.questions(), d.documents(), d.seed(), d.synonymRate());
    }

    public RagRecipe with(TrainOptions options) {
        if (options.epochs() != null || options.batchSize() != null || options.learningRate() != null) {
            throw new DlforgeException("project rag trains nothing: it indexes and evaluates retrieval",
                    "leave out --epochs, --batch-size and --lr; --limit N indexes N glosses");
        }
        RagRecipe r = this;
        if (options.limit() != null) {
            if (options.limit() < 1) {
                throw new DlforgeException("--limit must be at least 1", "e.g. --limit 50 for a quick run");
            }
            r = new RagRecipe(Math.min(questions, questionsFor(options.limit())), documents == 0 ? options.limit()
                    : Math.min(documents, options.limit()), seed, synonymRate);
        }
        return options.seed() == null ? r : new RagRecipe(r.questions, r.documents, options.seed(), synonymRate);
    }

    /** The questions asked of {@code documents} indexed glosses under {@code --limit}: one per 20, at least one. */
    public static int questionsFor(int documents) {
        return Math.max(1, documents / DOCUMENTS_PER_QUESTION);
    }

    /** This recipe with another paraphrase strength, from 0 (definitions and examples as written) to 1. */
    public RagRecipe withSynonymRate(double rate) {
        return new RagRecipe(questions, documents, seed, rate);
    }

    public WordNetQuestionConfig questionConfig() {
        return new WordNetQuestionConfig(seed, questions, documents, synonymRate);
    }
}
