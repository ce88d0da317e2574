package dev.dlforge.projects.vision;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.eval.ClassifierEvaluation;
import dev.dlforge.core.image.PictureFraming;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.optim.Adam;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.train.BatchMetric;
import dev.dlforge.core.train.BatchSource;
import dev.dlforge.core.train.SupervisedTask;
import dev.dlforge.core.train.Trainer;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.datasets.ImageClassificationDataset;
import dev.dlforge.data.image.ImageBatches;
import dev.dlforge.data.image.ImageClassData;
import dev.dlforge.data.image.LabeledImages;
import dev.dlforge.data.image.Splits;
import dev.dlforge.models.Standardize;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.Evaluates;
import dev.dlforge.projects.Serves;
import dev.dlforge.projects.kit.ResumableProject;
import dev.dlforge.projects.kit.RunSession;
import dev.dlforge.projects.kit.TrainingResult;
import dev.dlforge.projects.serving.DemoSample;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The shared pipeline of image-classification projects: data, network, training, evaluation on the
 * held-out test set, model artifact and report. A project supplies only its recipe defaults, its
 * networks and how user pictures are framed.
 */
public abstract class ImageClassifierProject extends ResumableProject<ImageClassifierRecipe, ImageClassData> implements Evaluates, Serves {
    static final int EVAL_BATCH = 256;
    private final DatasetRegistry datasets = DatasetRegistry.builtIn();

    /** The recipe of model variant {@code model}, reproducing the documented result. */
    protected abstract ImageClassifierRecipe defaults(String model);

    /** A fresh network for the recipe; it takes (B, C, H, W) pixels in [0, 1] and gives logits. */
    protected abstract Block buildModel(ImageClassifierRecipe recipe, int channels, int classes);

    /** How a user's picture is framed to look like the training data. */
    protected abstract PictureFraming imageInput(int side);

    /**
     * The dataset's images as the network sees them, for training and both test sets: as stored by
     * default; digits pass them through the same framing as a user's picture.
     */
    protected LabeledImages framedForModel(LabeledImages stored) {
        return stored;
    }

    /** A test set from another source than the training data, also reported; none by default. */
    protected Optional<OutOfSourceTest> outOfSourceTest() {
        return Optional.empty();
    }

    /** Adds project-specific plots (e.g. learned filters) to the report. */
    protected void extendReport(ImageClassifierReport report, Block block) throws IOException {}

    @Override
    protected ImageClassifierRecipe defaults(TrainOptions options) {
        return defaults(options.model() != null && models().contains(options.model()) ? options.model() : models().get(0));
    }

    @Override
    protected Class<ImageClassifierRecipe> recipeType() {
        return ImageClassifierRecipe.class;
    }


    @Override
    protected ImageClassifierRecipe validated(ImageClassifierRecipe recipe) {
        if (!datasets().contains(recipe.dataset())) {
            datasets.get(recipe.dataset()); // unknown ids get the registry's list of valid ones
            throw new DlforgeException("project " + info().id() + " does not train on dataset " + recipe.dataset(),
                    "choose one of: " + String.join(", ", datasets()));
        }
        return recipe.validated();
    }

    @Override
    protected ImageClassData data(ImageClassifierRecipe recipe, TrainOptions options) {
        return loadData(recipe, options.data());
    }

    @Override
    protected TrainingResult train(RunSession session, ImageClassifierRecipe recipe, ImageClassData data, Path checkpoint)
            throws IOException {
        PrintStream console = session.console();
        try (NDManager manager = Engines.newManager()) {
            Engines.seed(recipe.train().seed());
            LabeledImages trainImages = data.train();
            LabeledImages valImages = null;
            if (recipe.train().validationFraction() > 0) {
                var split = Splits.stratified(trainImages.labels(), data.classes().size(), recipe.train().validationFraction(), recipe.train().seed());
                valImages = trainImages.select(split.heldOut());
                trainImages = trainImages.select(split.kept());
            }
            Block block = newInitializedModel(recipe, trainImages, data.classes().size(), manager);
            float[][] stats = trainImages.channelStatistics();
            standardizer(block).setStatistics(stats[0], stats[1]);
            TrainableParameters params = TrainableParameters.of(block);
            double decay = recipe.train().weightDecay();
            Adam optimizer = new Adam(params, decay > 0 ? Adam.Config.adamW((float) decay) : Adam.Config.defaults());
            SupervisedTask task = new SupervisedTask(block, params, Loss.softmaxCrossEntropyLoss(), optimizer,
                    List.of(BatchMetric.accuracy()), 0, manager);
            TrainerState state = checkpoint == null ? TrainerState.start() : CheckpointStore.restore(checkpoint, task);
            console.printf(Locale.ROOT, "training %s (%s, %,d parameters) on %s: %,d train / %,d validation / %,d test images%n",
                    info().id(), recipe.model(), params.count(), data.datasetId(), trainImages.size(),
                    valImages == null ? 0 : valImages.size(), data.test().size());
            Trainer.Outcome outcome = session.fit(new Trainer(task, recipe.trainerConfig(), manager),
                    card(recipe, trainImages, data.classes(), Map.of()), block,
                    ImageBatches.training(trainImages, recipe.train().batchSize(), recipe.train().seed(), recipe.augmentations()),
                    valImages == null ? null : ImageBatches.evaluation(valImages, EVAL_BATCH), state);
            if (outcome.status() == Trainer.Status.STOPPED) {
                return TrainingResult.stoppedEarly();
            }
            // Evaluate the weights that were kept (with early stopping, the best epoch's, not the last).
            RunDir run = session.run();
            ModelArtifact.loadWeights(run.model(), block);
            ClassifierEvaluation test = ClassifierEvaluation.run(block, ImageBatches.evaluation(data.test(), EVAL_BATCH), manager);
            Map<String, Double> metrics = finalMetrics(test, outcome, params.count());
            Optional<OutOfSourceTest.Result> outOfSource = outOfSource(src -> ClassifierEvaluation.run(block, src, manager), recipe,
                    data.classes().size(), console);
            outOfSource.ifPresent(r -> r.addTo(metrics));
            ModelArtifact.save(run.model(), card(recipe, trainImages, data.classes(), metrics), block);
            ImageClassifierReport report = new ImageClassifierReport(run, info(), recipe, data, outcome.state().history(), test, metrics);
            outOfSource.ifPresent(report::addOutOfSource);
            extendReport(report, block);
            report.write();
            return TrainingResult.completed(metrics, outcome.status() == Trainer.Status.EARLY_STOPPED
                    ? "early stop after epoch " + outcome.state().history().size() : "");
        }
    }

    @Override
    public Map<String, Double> evaluate(RunDir run, TrainOptions options) {
        ImageClassifierRecipe recipe = recipeOf(run);
        try (ImageClassifier classifier = ImageClassifier.load(this, run.model())) { // a missing model fails before any download
            ImageClassData data = loadData(recipe, options.data());
            ClassifierEvaluation test = classifier.evaluate(ImageBatches.evaluation(data.test(), EVAL_BATCH));
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("test_accuracy", test.accuracy());
            metrics.put("test_examples", (double) test.size());
            // Its progress goes to stderr: `eval --json` prints only the metrics on stdout.
            outOfSource(classifier::evaluate, recipe, data.classes().size(), System.err).ifPresent(r -> r.addTo(metrics));
            return metrics;
        }
    }

    @Override
    public ImagePredictor predictor(Path modelDir) {
        return new ImagePredictor(ImageClassifier.load(this, modelDir));
    }

    /**
     * A stratified sample of the run's test set, as PNG. Reads the dataset
     * only when it is already at hand (cached or the run's own folder): a demo never downloads.
     */
    @Override
    public List<DemoSample> demoSamples(RunDir run, int count) {
        ImageClassifierRecipe recipe = recipeOf(run);
        ImageClassificationDataset dataset = datasets.imageClassification(recipe.dataset());
        ImageClassData data;
        try {
            var cached = new DatasetResolver(DlforgeHome.current().datasets()).cached(dataset.spec());
            if (cached.isEmpty()) {
                return List.of();
            }
            data = dataset.read(cached.get());
        } catch (IOException | DlforgeException e) {
            return List.of();
        }
        LabeledImages picked = data.test().sample(count, data.classes().size(), recipe.train().seed());
        List<DemoSample> samples = new ArrayList<>(picked.size());
        for (int i = 0; i < picked.size(); i++) {
            samples.add(new DemoSample(data.classes().get(picked.labels()[i]), "image/png", png(picked.image(i))));
        }
        return samples;
    }

    private static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A network for {@code recipe}, initialised for {@code images}' shape. */
    Block newInitializedModel(ImageClassifierRecipe recipe, LabeledImages images, int classes, NDManager manager) {
        return newInitializedModel(recipe, images.channels(), images.height(), images.width(), classes, manager);
    }

    Block newInitializedModel(ImageClassifierRecipe recipe, int channels, int height, int width, int classes, NDManager manager) {
        Block block = buildModel(recipe, channels, classes);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, channels, height, width));
        return block;
    }

    private Optional<OutOfSourceTest.Result> outOfSource(Function<BatchSource, ClassifierEvaluation> model, ImageClassifierRecipe recipe,
            int classes, PrintStream console) {
        return outOfSourceTest().flatMap(t -> t.run(model, this::framedForModel, recipe.limit(), recipe.train().seed(), classes, console));
    }

    PictureFraming imageInputFor(ModelCard card) {
        return imageInput(card.inputShape().get(1).intValue());
    }

    /** The recipe saved with a model ({@code owner} names it in errors). */
    static ImageClassifierRecipe recipeOf(JsonNode recipe, String owner) {
        return RecipeJson.read(recipe, ImageClassifierRecipe.class, owner);
    }

    private ImageClassData loadData(ImageClassifierRecipe recipe, Path explicit) {
        ImageClassificationDataset dataset = datasets.imageClassification(recipe.dataset());
        Path dir = new DatasetResolver(DlforgeHome.current().datasets()).resolve(dataset.spec(), explicit);
        try {
            ImageClassData data = dataset.read(dir);
            data = recipe.limit() > 0 ? ImageLimit.apply(data, recipe) : data;
            return new ImageClassData(data.datasetId(), data.classes(), framedForModel(data.train()), framedForModel(data.test()), data.splitNote());
        } catch (IOException e) {
            throw new DlforgeException("dataset " + recipe.dataset() + " in " + dir + " is unreadable: " + e.getMessage(),
                    explicit != null ? "check the files passed with --data" : "delete " + dir + " and run `dlforge data fetch " + recipe.dataset() + "`");
        }
    }

    private ModelCard card(ImageClassifierRecipe recipe, LabeledImages images, List<String> classes, Map<String, Double> metrics) {
        return ModelCard.now(info().id(), recipe.model(), RecipeJson.write(recipe),
                List.of((long) images.channels(), (long) images.height(), (long) images.width()), classes, metrics, recipe.dataset());
    }

    private static Map<String, Double> finalMetrics(ClassifierEvaluation test, Trainer.Outcome outcome, long parameters) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test_accuracy", test.accuracy());
        m.putAll(outcome.summary());
        m.put("parameters", (double) parameters);
        return m;
    }

    private static Standardize standardizer(Block block) {
        for (var child : block.getChildren().values()) {
            if (child instanceof Standardize s) {
                return s;
            }
        }
        throw new IllegalStateException("image models start with a Standardize block");
    }

}
