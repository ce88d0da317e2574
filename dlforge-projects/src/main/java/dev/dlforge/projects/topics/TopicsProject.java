package dev.dlforge.projects.topics;

import dev.dlforge.data.datasets.BrownGenres;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TextSplit;
import dev.dlforge.projects.ProjectInfo;
import dev.dlforge.projects.Roadmap;
import dev.dlforge.projects.kit.Recipes;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.text.NaiveBayesModel;
import dev.dlforge.projects.text.SentenceEmbeddingModel;
import dev.dlforge.projects.text.TextClassificationProject;
import dev.dlforge.projects.text.TextClassifierRecipe;
import dev.dlforge.projects.text.TextModel;
import dev.dlforge.projects.text.TfidfLogisticModel;
import java.util.List;
import java.util.Map;

/**
 * Brown genres: which of 15 genres (or news against the rest) a ~150-token passage comes from.
 * Bag-of-words models (naive Bayes, TF-IDF logistic regression) against frozen MiniLM sentence
 * embeddings with a trained softmax head. Whole documents are held out: a document's passages are
 * all in training, all in validation or all in test. Macro averages over the genres, which are
 * imbalanced (learned 80 documents, science fiction 6). See docs/projects/topics.md.
 */
public final class TopicsProject extends TextClassificationProject {
    public static final String ID = "topics";

    @Override
    public ProjectInfo info() {
        return Roadmap.entry(ID);
    }

    @Override
    public List<String> datasets() {
        return List.of(BrownGenres.GENRES_ID, BrownGenres.NEWS_ID);
    }

    /** The served model's macro F1 over the 15 genres on held-out documents: 0.3296 measured (docs/projects/topics.md). */
    @Override
    public List<BenchmarkTarget> benchmarkTargets() {
        return List.of(new BenchmarkTarget(TextClassifierRecipe.ALL, "test_f1", 0.31, 0));
    }

    /** Defaults reproduce docs/projects/topics.md: 20% of each genre's documents held out for test, 10% for validation. */
    @Override
    protected TextClassifierRecipe defaults() {
        // No network to train: one epoch recorded; the loop's batch size (32) is the logistic regressions'.
        return Recipes.with(TextClassifierRecipe.defaults(BrownGenres.GENRES_ID), "train.epochs", 1);
    }

    /** The default recipe, for tests. */
    TextClassifierRecipe defaultsForTest() {
        return defaults();
    }

    @Override
    protected List<TextModel> textModels() {
        return List.of(new NaiveBayesModel(), new TfidfLogisticModel(), new SentenceEmbeddingModel());
    }

    @Override
    protected int positiveClass() {
        return -1;
    }

    /** News for news-vs-rest; macro averages over the 15 genres. */
    @Override
    protected int positiveClass(TextClassifierRecipe recipe) {
        return BrownGenres.NEWS_ID.equals(recipe.data().dataset()) ? BrownGenres.NEWS_CLASSES.indexOf("news") : -1;
    }

    /** Whole documents held out: passages of one document are never on two sides. */
    @Override
    protected TextSplit split(LabeledTexts all, TextClassifierRecipe recipe) {
        return TextSplit.byWholeGroup(all, recipe.data().validationFraction(), recipe.data().testFraction(), recipe.seed());
    }

    @Override
    public Demo demo() {
        return new Demo("text", "Paste a paragraph; the model guesses its Brown genre.", Map.of());
    }
}
