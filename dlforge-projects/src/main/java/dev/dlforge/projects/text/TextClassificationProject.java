package dev.dlforge.projects.text;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TextClassificationDataset;
import dev.dlforge.data.text.TextCleaner;
import dev.dlforge.data.text.TextDecoder;
import dev.dlforge.data.text.TextLimits;
import dev.dlforge.data.text.TextRepairs;
import dev.dlforge.data.text.TextSplit;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.Evaluates;
import dev.dlforge.projects.Serves;
import dev.dlforge.projects.kit.RecipeOptions;
import dev.dlforge.projects.kit.ResumableProject;
import dev.dlforge.projects.kit.RunSession;
import dev.dlforge.projects.kit.TrainingResult;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.serving.DemoSample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared pipeline of text-classification projects: labelled texts split within each group,
 * several models trained on the same split and measured on the same held-out test texts
 * ({@link ModelComparison}), one served, chosen on validation by the recipe's {@link ServedModelRule}
 * ({@link ModelSelection}), and one report comparing them ({@link TextClassificationReport}). A
 * project supplies its recipe defaults, its models, its positive class and how raw inputs (files,
 * typed text, requests) become texts; the run lifecycle is the kit's ({@link ResumableProject}).
 *
 * <p>A run keeps every model in {@code models/<name>/} (a {@code model.json} card next to the
 * model's own files, and {@value DecisionThreshold#FILE} for a model answering at a threshold) and
 * a copy of the served one in {@code model/}.
 */
public abstract class TextClassificationProject extends ResumableProject<TextClassifierRecipe, TextSplit> implements Evaluates, Serves {
    public static final String MODELS = "models";
    static final String CARD = "model.json";

    /** The recipe reproducing the documented result. */
    protected abstract TextClassifierRecipe defaults();

    /** The models a run compares, in report order. */
    protected abstract List<TextModel> textModels();

    /** Index of the class binary scores are about (spam = 1), or -1 for macro averages. */
    protected abstract int positiveClass();

    /** The positive class for a run of {@code recipe}, for projects whose datasets differ in it. */
    protected int positiveClass(TextClassifierRecipe recipe) {
        return positiveClass();
    }

    /** The text of a file given to {@code dlforge predict}: by default its decoded, cleaned text. */
    protected String textOfFile(byte[] bytes, TextRepairs repairs) {
        return new TextCleaner(TextLimits.DEFAULT).clean(TextDecoder.decode(bytes, repairs), repairs);
    }

    /** The text of something typed ({@code --text}, a text/plain request), prepared like training texts. */
    protected String textOfTyped(String text) {
        return new TextCleaner(TextLimits.DEFAULT).clean(text, new TextRepairs());
    }

    /**
     * All labelled texts of the recipe's dataset, before splitting; by default the registered
     * {@link TextClassificationDataset}, resolved (cached, fetched, or {@code explicit}) and read.
     * Repairs and skips are counted in {@code repairs}.
     */
    protected LabeledTexts readTexts(TextClassifierRecipe recipe, Path explicit, TextRepairs repairs) {
        return TextDatasets.read(recipe, explicit, repairs);
    }

    /** Train, validation and test parts: by default each group split in the recipe's proportions. */
    protected TextSplit split(LabeledTexts all, TextClassifierRecipe recipe) {
        return TextSplit.byGroup(all, recipe.data().validationFraction(), recipe.data().testFraction(), recipe.seed());
    }

    /** Fixed sets every model is also measured on (and reported per tag); none by default. */
    protected List<ExtraTestSet> extraTestSets() {
        return List.of();
    }

    /** Request media types besides text/plain and JSON that {@link #textOfFile} understands (e.g. message/rfc822). */
    protected List<String> extraContentTypes() {
        return List.of();
    }

    @Override
    public List<String> models() {
        List<String> names = new ArrayList<>(List.of(TextClassifierRecipe.ALL));
        textModels().forEach(m -> names.add(m.name()));
        return names;
    }

    @Override
    public Demo demo() {
        return new Demo("text", "Paste a text; the models' served classifier gives each class a probability.",
                Map.of("placeholder", "Type or paste text here", "rows", 12));
    }

    TextModel textModel(String name) {
        return textModels().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> new DlforgeException(
                "project " + info().id() + " has no model '" + name + "'", "choose one of: " + String.join(", ", models())));
    }

    @Override
    protected final TextClassifierRecipe defaults(TrainOptions options) {
        return defaults();
    }

    @Override
    protected final Class<TextClassifierRecipe> recipeType() {
        return TextClassifierRecipe.class;
    }

    /** The loop's options tune the neural model (and the logistic regressions' batches); the seed is the run's; dataset and limit the data's. */
    @Override
    public final RecipeOptions recipeOptions() {
        return new RecipeOptions("model", "data.dataset", "train.epochs", "train.batchSize", "train.learningRate", "seed", "data.limit");
    }

    @Override
    protected TextClassifierRecipe validated(TextClassifierRecipe recipe) {
        recipe.validated();
        if (recipe.serving().rule().thresholds() && positiveClass(recipe) < 0) {
            throw new DlforgeException("project " + info().id() + " has no positive class, so no false-positive rate to choose a model by",
                    "use serving rule VALIDATION_F1 for it");
        }
        if (!datasets().contains(recipe.data().dataset())) {
            DatasetRegistry.builtIn().get(recipe.data().dataset()); // unknown ids get the registry's list of valid ones
            throw new DlforgeException("project " + info().id() + " does not train on dataset " + recipe.data().dataset(),
                    "choose one of: " + String.join(", ", datasets()));
        }
        return recipe;
    }

    /** The recipe's texts, split; repairs of unreadable bytes are reported on stderr (stdout may be `eval --json`'s). */
    @Override
    protected TextSplit data(TextClassifierRecipe recipe, TrainOptions options) {
        TextRepairs repairs = new TextRepairs();
        LabeledTexts all = readTexts(recipe, options.data(), repairs);
        if (!repairs.isEmpty()) {
            System.err.println("warning: reading " + recipe.data().dataset() + ": " + repairs.summary());
        }
        return split(all, recipe);
    }

    /** Every model of the recipe trained and measured, the served one chosen and installed in {@code model/}, and the report. */
    @Override
    protected TrainingResult train(RunSession session, TextClassifierRecipe recipe, TextSplit split, Path checkpoint) throws IOException {
        List<TextModel> chosen = TextClassifierRecipe.ALL.equals(recipe.model()) ? textModels() : List.of(textModel(recipe.model()));
        List<ModelResult> results = new ModelComparison(this, session, recipe, split).run(chosen, checkpoint);
        if (results == null) {
            return TrainingResult.stoppedEarly();
        }
        ModelSelection.Choice choice = ModelSelection.choose(results, recipe.serving().rule());
        choice.install(session.run());
        Map<String, Double> metrics = TextRunMetrics.run(results, choice.served(), extraTestSets());
        new TextClassificationReport(session.run(), info(), recipe, split, results, choice, positiveClass(recipe), extraTestSets()).write();
        session.console().println(choice.line());
        return TrainingResult.completed(metrics, "served model: " + choice.served().model().name());
    }

    @Override
    public Map<String, Double> evaluate(RunDir run, TrainOptions options) {
        TextClassifierRecipe recipe = recipeOf(run);
        ModelArtifact.readCard(run.model()); // a run without a model fails before any data is read
        return new TextRunEvaluation(this, data(recipe, options), positiveClass(recipe)).of(run);
    }

    /** The classifier in a model folder as it answers: with its threshold, if it has one. */
    ServedTextClassifier served(Path modelDir) {
        return TextModelFolder.served(this, modelDir);
    }

    @Override
    public TextPredictor predictor(Path modelDir) {
        return new TextPredictor(this, served(modelDir), ModelArtifact.readCard(modelDir));
    }


    /** Held-out test texts, when the dataset is already cached (a demo never downloads). */
    @Override
    public List<DemoSample> demoSamples(RunDir run, int count) {
        return TextDemoSamples.of(this, run, count);
    }
}
