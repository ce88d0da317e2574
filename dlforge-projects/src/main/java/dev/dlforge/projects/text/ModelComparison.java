package dev.dlforge.projects.text;

import dev.dlforge.core.eval.ClassificationScores;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.MetricText;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.train.EpochRecord;
import dev.dlforge.core.train.TrainingListener;
import dev.dlforge.data.text.TextSplit;
import dev.dlforge.projects.kit.RunSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The models of a run compared on equal terms: each trained on the same split, then measured on
 * the same validation texts (F1, and under {@link ServedModelRule#RECALL_AT_FALSE_POSITIVE_RATE}
 * its threshold), the same test texts (answering at its threshold) and the same extra sets, and
 * saved in {@code models/<name>/} with its card and threshold. {@link ModelSelection} then picks the
 * served one from the results.
 */
final class ModelComparison {
    private final TextClassificationProject project;
    private final RunSession session;
    private final TextClassifierRecipe recipe;
    private final TextSplit split;

    ModelComparison(TextClassificationProject project, RunSession session, TextClassifierRecipe recipe, TextSplit split) {
        this.project = project;
        this.session = session;
        this.recipe = recipe;
        this.split = split;
    }

    /**
     * Trains, measures and saves each of {@code models} in order, the neural one continuing from
     * {@code checkpoint} (null: from scratch); null when a stop was requested.
     */
    List<ModelResult> run(List<TextModel> models, Path checkpoint) throws IOException {
        PrintStream console = session.console();
        console.printf(Locale.ROOT, "training %s (%s) on %s: %,d train / %,d validation / %,d test texts%n", project.info().id(),
                String.join(", ", models.stream().map(TextModel::name).toList()), recipe.data().dataset(),
                split.train().size(), split.validation().size(), split.test().size());
        TrainingListener listener = session.options().listener();
        List<ModelResult> results = new ArrayList<>();
        for (TextModel model : models) {
            if (listener != null) {
                listener.onModel(model.name(), models.size() == 1 ? "the only model of this run" : "one of " + models.size() + " models compared");
            }
            ModelResult result = trainAndMeasure(model, model.neural() ? checkpoint : null);
            if (result == null) {
                return null;
            }
            results.add(result);
            console.println(model.name() + ": " + MetricText.line(result.metrics()));
        }
        return results;
    }

    /** Trains, measures and saves {@code model}; null when a stop was requested. */
    private ModelResult trainAndMeasure(TextModel model, Path checkpoint) throws IOException {
        session.console().println("== " + model.name() + ": " + model.summary());
        long start = System.nanoTime();
        List<String> classes = split.train().classes();
        TextTraining training = new TextTraining(split, recipe, session, card(model.name(), classes, Map.of()), checkpoint);
        try (TextClassifier classifier = model.train(training)) {
            if (classifier == null) {
                return null;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int positive = project.positiveClass(recipe);
            // Never chosen on the test set: without validation texts (tiny --limit) the first model is served.
            float[][] valP = split.validation().size() == 0 ? null : classifier.probabilities(split.validation().texts());
            DecisionThreshold decision = decision(classes, split.validation().labels(), valP);
            float[][] testP = classifier.probabilities(split.test().texts());
            ClassificationScores test = ClassificationScores.of(split.test().labels(), DecisionThreshold.decide(decision, testP, classes),
                    testP, classes.size(), positive);
            double valF1 = valP == null ? Double.NaN : ClassificationScores.of(split.validation().labels(), valP, classes.size(), positive).f1();
            Map<String, Double> metrics = TextRunMetrics.test(test);
            if (!Double.isNaN(valF1)) {
                metrics.put("val_f1", valF1);
            }
            metrics.putAll(TextRunMetrics.decision(decision));
            Map<String, float[][]> extra = new LinkedHashMap<>();
            for (ExtraTestSet set : project.extraTestSets()) {
                float[][] p = classifier.probabilities(set.texts().texts());
                extra.put(set.name(), p);
                metrics.putAll(set.metrics(p, positive, decision));
            }
            List<EpochRecord> history = List.of();
            if (classifier instanceof NeuralTextModel.Classifier neural && neural.state != null) {
                history = neural.state.history();
                metrics.put("epochs", (double) history.size());
                metrics.put("model_epoch", (double) neural.state.bestEpoch());
                seconds = neural.state.elapsedSeconds(); // training time across resumes
            }
            metrics.put("train_seconds", seconds);
            Path dir = session.run().path().resolve(TextClassificationProject.MODELS).resolve(model.name());
            Files.createDirectories(dir);
            classifier.save(dir);
            if (decision != null) {
                decision.save(dir);
            }
            Json.writeFile(dir.resolve(TextClassificationProject.CARD), card(model.name(), classes, metrics));
            return new ModelResult(model, test, testP, valF1, decision, metrics, history, extra);
        }
    }

    /** The card of {@code model} trained with the run's recipe: its input is the network's token window. */
    private ModelCard card(String model, List<String> classes, Map<String, Double> metrics) {
        return ModelCard.now(project.info().id(), model, RecipeJson.write(recipe), List.of((long) recipe.network().maxTokens()), classes,
                metrics, recipe.data().dataset());
    }

    /**
     * With {@link ServedModelRule#RECALL_AT_FALSE_POSITIVE_RATE}: the threshold at which the
     * validation false-positive rate is at most the recipe's; null (the most probable class answers)
     * under the other rule or without validation texts.
     */
    private DecisionThreshold decision(List<String> classes, int[] labels, float[][] p) {
        int positive = project.positiveClass(recipe);
        if (!recipe.serving().rule().thresholds() || p == null || positive < 0) {
            return null;
        }
        boolean[] isPositive = new boolean[labels.length];
        double[] scores = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            isPositive[i] = labels[i] == positive;
            scores[i] = p[i][positive];
        }
        return recipe.serving().rule() == ServedModelRule.RECALL_AT_FALSE_POSITIVE_RATE_PER_GROUP
                ? DecisionThreshold.atFalsePositiveRatePerGroup(classes.get(positive), isPositive, scores, split.validation().groups(),
                        recipe.serving().maxFalsePositiveRate())
                : DecisionThreshold.atFalsePositiveRate(classes.get(positive), isPositive, scores, recipe.serving().maxFalsePositiveRate());
    }
}
