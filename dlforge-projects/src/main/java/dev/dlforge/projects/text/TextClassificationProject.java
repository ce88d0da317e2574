package dev.dlforge.projects.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.eval.ClassificationScores;
import dev.dlforge.core.io.FileTrees;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.MetricText;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TextClassificationDataset;
import dev.dlforge.data.text.TextCleaner;
import dev.dlforge.data.text.TextDecoder;
import dev.dlforge.data.text.TextLimits;
import dev.dlforge.data.text.TextRepairs;
import dev.dlforge.data.text.TextSplit;
import dev.dlforge.projects.RunFailure;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.TrainableProject;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.serving.DemoSample;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shared pipeline of text-classification projects: labelled texts split within each group,
 * several models trained on the same split and measured on the same held-out test texts, one report
 * comparing them, and one served, chosen on validation by the recipe's {@link ServedModelRule}
 * ({@link ModelSelection}). A project supplies its recipe defaults, its
 * models, its positive class and how raw inputs (files, typed text, requests) become texts.
 *
 * <p>A run keeps every model in {@code models/<name>/} (a {@code model.json} card next to the
 * model's own files, and {@value DecisionThreshold#FILE} for a model answering at a threshold) and
 * a copy of the served one in {@code model/}.
 */
public abstract class TextClassificationProject implements TrainableProject {
    public static final String MODELS = "models";
    static final String CARD = "model.json";
    private final DatasetRegistry datasets = DatasetRegistry.builtIn();

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
        TextClassificationDataset dataset = datasets.textClassification(recipe.dataset());
        Path dir = new DatasetResolver(DlforgeHome.current().datasets()).resolve(dataset.spec(), explicit);
        try {
            return dataset.read(dir, recipe.textsToRead(), recipe.seed(), repairs);
        } catch (IOException e) {
            throw unreadable(recipe.dataset(), dir, explicit, e);
        }
    }

    /** The error for a dataset folder that could not be read. */
    protected static DlforgeException unreadable(String dataset, Path dir, Path explicit, IOException e) {
        return new DlforgeException("dataset " + dataset + " in " + dir + " is unreadable: " + e.getMessage(),
                explicit != null ? "check the files passed with --data" : "delete " + dir + " and run `dlforge data fetch " + dataset + "`");
    }

    /** Train, validation and test parts: by default each group split in the recipe's proportions. */
    protected TextSplit split(LabeledTexts all, TextClassifierRecipe recipe) {
        return TextSplit.byGroup(all, recipe.validationFraction(), recipe.testFraction(), recipe.seed());
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
    public RunDir train(TrainOptions options) {
        TextClassifierRecipe recipe = defaults().with(options).validated();
        if (!TextClassifierRecipe.ALL.equals(recipe.model())) {
            textModel(recipe.model());
        }
        if (recipe.servedModelRule().thresholds() && positiveClass(recipe) < 0) {
            throw new DlforgeException("project " + info().id() + " has no positive class, so no false-positive rate to choose a model by",
                    "use servedModelRule VALIDATION_F1 for it");
        }
        if (!datasets().contains(recipe.dataset())) {
            datasets.get(recipe.dataset());
            throw new DlforgeException("project " + info().id() + " does not train on dataset " + recipe.dataset(),
                    "choose one of: " + String.join(", ", datasets()));
        }
        TextSplit split = loadSplit(recipe, options.data());
        RunDir run = new RunStore(DlforgeHome.current()).create(info().id(), Json.MAPPER.valueToTree(recipe), options.outDir());
        return runTraining(run, recipe, split, null, options);
    }

    @Override
    public RunDir resume(RunDir run, TrainOptions options) {
        RunInfo info = run.info();
        TextClassifierRecipe recipe = recipeOf(info.recipe(), "run " + info.id());
        if ("completed".equals(info.status())) {
            throw new DlforgeException("run " + run.id() + " already completed", "start a new run with `dlforge train " + info.project() + "`");
        }
        if (options.epochs() != null) {
            recipe = recipe.withEpochs(options.epochs()).validated();
        }
        Path checkpoint;
        try {
            checkpoint = run.checkpoints().latestReadable(options.console()::println).orElse(null);
        } catch (IOException e) {
            throw new DlforgeException("cannot read checkpoints of " + run.path() + ": " + e.getMessage(), "check the folder's permissions");
        }
        TextSplit split = loadSplit(recipe, options.data());
        run.writeInfo(new RunInfo(info.id(), info.project(), "running", info.created(), Instant.now().toString(),
                Json.MAPPER.valueToTree(recipe), info.metrics(), ""));
        options.console().println("resuming " + run.path() + (checkpoint == null ? "" : " (neural model from " + checkpoint.getFileName() + ")"));
        return runTraining(run, recipe, split, checkpoint, options);
    }

    private RunDir runTraining(RunDir run, TextClassifierRecipe recipe, TextSplit split, Path checkpoint, TrainOptions options) {
        PrintStream console = options.console();
        List<TextModel> chosen = TextClassifierRecipe.ALL.equals(recipe.model()) ? textModels() : List.of(textModel(recipe.model()));
        try {
            console.printf(Locale.ROOT, "training %s (%s) on %s: %,d train / %,d validation / %,d test texts%n", info().id(),
                    String.join(", ", chosen.stream().map(TextModel::name).toList()), recipe.dataset(),
                    split.train().size(), split.validation().size(), split.test().size());
            List<ModelResult> results = new ArrayList<>();
            for (TextModel model : chosen) {
                if (options.listener() != null) {
                    options.listener().onModel(model.name(), chosen.size() == 1 ? "the only model of this run"
                            : "one of " + chosen.size() + " models compared");
                }
                ModelResult result = new ModelComparison(this, run, recipe, split).trainAndMeasure(model, model.neural() ? checkpoint : null,
                        options);
                if (result == null) {
                    console.println("run: " + run.path());
                    return run;
                }
                results.add(result);
                console.println(model.name() + ": " + MetricText.line(result.metrics()));
            }
            ModelSelection.Choice choice = ModelSelection.choose(results, recipe.servedModelRule());
            ModelResult served = choice.served();
            Path servedDir = run.path().resolve(MODELS).resolve(served.model().name());
            FileTrees.delete(run.model());
            FileTrees.copy(servedDir, run.model());
            Map<String, Double> metrics = TextRunMetrics.run(results, served, extraTestSets());
            run.writeMetrics(metrics);
            new TextClassificationReport(run, info(), recipe, split, results, choice, positiveClass(recipe), extraTestSets()).write();
            run.writeInfo(run.info().with("completed", metrics, "served model: " + served.model().name()));
            console.println("served model: " + served.model().name() + ": " + choice.reason()
                    + (served.decision() == null ? "" : "; it answers " + served.decision().rule()));
            console.println("run: " + run.path());
            console.println(MetricText.line(metrics));
            console.println("report: " + run.report());
            return run;
        } catch (IOException | RuntimeException e) {
            throw RunFailure.record(run, info().id(), e);
        }
    }

    @Override
    public Map<String, Double> evaluate(RunDir run, TrainOptions options) {
        TextClassifierRecipe recipe = recipeOf(run.info().recipe(), "run " + run.id());
        ModelArtifact.readCard(run.model()); // a run without a model fails before any data is read
        TextSplit split = loadSplit(recipe, options.data());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.putAll(evaluateModel(run.model(), split, positiveClass(recipe)));
        metrics.put("test_examples", (double) split.test().size());
        for (TextModel model : textModels()) {
            Path dir = run.path().resolve(MODELS).resolve(model.name());
            if (Files.isRegularFile(dir.resolve(CARD))) {
                evaluateModel(dir, split, positiveClass(recipe)).forEach((k, v) -> metrics.put(model.name() + "_" + k, v));
            }
        }
        return metrics;
    }

    /** The test and extra-set figures of the model in {@code dir}, answering as it is served (at its threshold, if it has one). */
    private Map<String, Double> evaluateModel(Path dir, TextSplit split, int positive) {
        try (ServedTextClassifier c = served(dir)) {
            float[][] p = c.probabilities(split.test().texts());
            Map<String, Double> metrics = TextRunMetrics.test(ClassificationScores.of(split.test().labels(),
                    DecisionThreshold.decide(c.decision(), p, c.classes()), p, c.classes().size(), positive));
            metrics.putAll(TextRunMetrics.decision(c.decision()));
            for (ExtraTestSet set : extraTestSets()) {
                metrics.putAll(set.metrics(c.probabilities(set.texts().texts()), positive, c.decision()));
            }
            return metrics;
        }
    }

    /** The classifier in a model folder (a run's {@code model/} or {@code models/<name>/}). */
    public TextClassifier load(Path modelDir) {
        ModelCard card = ModelArtifact.readCard(modelDir);
        if (!card.project().equals(info().id())) {
            throw new DlforgeException("model " + modelDir + " belongs to project " + card.project() + ", not " + info().id(),
                    "use it with its own project");
        }
        try {
            return textModel(card.architecture()).load(modelDir, card);
        } catch (IOException e) {
            throw new DlforgeException("cannot load model " + modelDir + ": " + e.getMessage(), "retrain the run");
        }
    }

    /** The classifier in a model folder as it answers: with its threshold, if it has one. */
    ServedTextClassifier served(Path modelDir) {
        DecisionThreshold decision = DecisionThreshold.read(modelDir).orElse(null);
        return new ServedTextClassifier(load(modelDir), decision);
    }

    @Override
    public TextPredictor predictor(Path modelDir) {
        return new TextPredictor(this, served(modelDir), ModelArtifact.readCard(modelDir));
    }

    /** Held-out test texts, when the dataset is already cached (a demo never downloads). */
    @Override
    public List<DemoSample> demoSamples(RunDir run, int count) {
        TextClassifierRecipe recipe = recipeOf(run.info().recipe(), "run " + run.id());
        TextClassificationDataset dataset = datasets.textClassification(recipe.dataset());
        try {
            var cached = new DatasetResolver(DlforgeHome.current().datasets()).cached(dataset.spec());
            if (cached.isEmpty()) {
                return List.of();
            }
            return TextDemoSamples.of(split(dataset.read(cached.get(), recipe.textsToRead(), recipe.seed(), new TextRepairs()), recipe).test(),
                    count, recipe.seed());
        } catch (IOException | DlforgeException e) {
            return List.of();
        }
    }

    /** The recipe saved with a run or model ({@code owner} names it in errors). */
    static TextClassifierRecipe recipeOf(JsonNode recipe, String owner) {
        try {
            return Json.MAPPER.treeToValue(recipe, TextClassifierRecipe.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new DlforgeException(owner + " has a recipe this dlforge cannot read: " + e.getMessage(), "train a new run");
        }
    }

    private TextSplit loadSplit(TextClassifierRecipe recipe, Path explicit) {
        TextRepairs repairs = new TextRepairs();
        LabeledTexts all = readTexts(recipe, explicit, repairs);
        if (!repairs.isEmpty()) {
            // stderr, like the resolver's messages: stdout may be JSON (`dlforge eval --json`).
            System.err.println("warning: reading " + recipe.dataset() + ": " + repairs.summary());
        }
        return split(all, recipe);
    }

    ModelCard card(TextClassifierRecipe recipe, String model, List<String> classes, Map<String, Double> metrics) {
        return new ModelCard(info().id(), model, Json.MAPPER.valueToTree(recipe), List.of((long) recipe.maxTokens()), classes, metrics,
                recipe.dataset(), Instant.now().toString(), ModelArtifact.FORMAT);
    }

}
