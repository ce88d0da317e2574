package dev.dlforge.projects.spam;

import dev.dlforge.data.text.MailMessage;
import dev.dlforge.data.text.MailReader;
import dev.dlforge.data.text.SpamAssassin;
import dev.dlforge.data.text.TextCleaner;
import dev.dlforge.data.text.TextLimits;
import dev.dlforge.data.text.TextRepairs;
import dev.dlforge.projects.ProjectInfo;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.text.EmbeddingBagModel;
import dev.dlforge.projects.text.NaiveBayesModel;
import dev.dlforge.projects.text.TextClassificationProject;
import dev.dlforge.projects.text.TextClassifierRecipe;
import dev.dlforge.projects.text.TextModel;
import dev.dlforge.projects.text.TfidfLogisticModel;
import java.util.List;
import java.util.Map;

/**
 * Spam or ham: naive Bayes, TF-IDF logistic regression and an embedding-bag network compared on the
 * SpamAssassin corpus, mail parsed with its headers (subject, sender domain) and MIME/HTML bodies.
 * Spam is the positive class. See docs/projects/spam.md.
 */
public final class SpamProject extends TextClassificationProject {
    public static final String ID = "spam";
    private static final MailReader MAIL = new MailReader();

    @Override
    public ProjectInfo info() {
        return new ProjectInfo(ID, "B", "Language", "spam classifier", "bag of words, TF-IDF, naive Bayes, logistic regression",
                "SpamAssassin (npm)", "best model F1 >= 0.97 (spam) on held-out mail");
    }

    @Override
    public List<String> datasets() {
        return List.of(SpamAssassin.ID);
    }

    @Override
    public List<BenchmarkTarget> benchmarkTargets() {
        return List.of(new BenchmarkTarget(TextClassifierRecipe.ALL, "test_f1", 0.97, 0));
    }

    /** Defaults reproduce docs/projects/spam.md: 20% of every folder held out for test, 10% for validation. */
    @Override
    protected TextClassifierRecipe defaults() {
        return new TextClassifierRecipe(SpamAssassin.ID, TextClassifierRecipe.ALL, 20, 32, 2e-3, 64, 64, 0.3f, 400, 30_000, 2,
                1.0, 1e-4, 20, 0.02, 0.1, 0.2, 4, 42, 0);
    }

    /** The default recipe, for tests. */
    TextClassifierRecipe defaultsForTest() {
        return defaults();
    }

    @Override
    protected List<TextModel> textModels() {
        return List.of(new NaiveBayesModel(), new TfidfLogisticModel(), new EmbeddingBagModel());
    }

    @Override
    protected int positiveClass() {
        return SpamAssassin.CLASSES.indexOf("spam");
    }

    /** Any file is read as a mail (RFC-822, e.g. {@code .eml}); one without headers is all body. */
    @Override
    protected String textOfFile(byte[] bytes, TextRepairs repairs) {
        return MAIL.read(bytes, repairs).classifierText();
    }

    /** Typed text is a mail body without headers. */
    @Override
    protected String textOfTyped(String text) {
        TextRepairs repairs = new TextRepairs();
        return new MailMessage("", "", Map.of(), new TextCleaner(TextLimits.DEFAULT)
                .clean(text, repairs), 0).classifierText();
    }

    @Override
    protected List<String> extraContentTypes() {
        return List.of("message/rfc822");
    }

    @Override
    public Demo demo() {
        return new Demo("text", "Paste an e-mail body (or a whole raw message as message/rfc822); the model says spam or ham.",
                Map.of("placeholder", "Congratulations! You have been selected to receive...", "rows", 12));
    }
}
