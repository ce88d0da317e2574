package dev.dlforge.projects.text;

import dev.dlforge.core.eval.ClassificationScores;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.train.EpochRecord;
import dev.dlforge.data.text.TextSplit;
import dev.dlforge.projects.TrainOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final RunDir run;
    private final TextClassifierRecipe recipe;
    private final TextSplit split;

    ModelComparison(TextClassificationProject project, RunDir run, TextClassifierRecipe recipe, TextSplit split) {
        this.project = project;
        this.run = run;
        this.recipe = recipe;
        this.split = split;
    }

    /** Trains, measures and saves {@code model}; null when a stop was requested. */
    ModelResult trainAndMeasure(TextModel model, Path checkpoint, TrainOptions options) throws IOException {
        options.console().println("== " + model.name() + ": " + model.summary());
        long start = System.nanoTime();
        List<String> classes = split.train().classes();
        TextTraining training = new TextTraining(split, recipe, run, project.card(recipe, model.name(), classes, Map.of()), checkpoint, options);
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
            Path dir = run.path().resolve(TextClassificationProject.MODELS).resolve(model.name());
            Files.createDirectories(dir);
            classifier.save(dir);
            if (decision != null) {
                decision.save(dir);
            }
            Json.writeFile(dir.resolve(TextClassificationProject.CARD), project.card(recipe, model.name(), classes, metrics));
            return new ModelResult(model, test, testP, valF1, decision, metrics, history, extra);
        }
    }

    /**
     * With {@link ServedModelRule#RECALL_AT_FALSE_POSITIVE_RATE}: the threshold at which the
     * validation false-positive rate is at most the recipe's; null (the most probable class answers)
     * under the other rule or without validation texts.
     */
    private DecisionThreshold decision(List<String> classes, int[] labels, float[][] p) {
        int positive = project.positiveClass(recipe);
        if (!recipe.servedModelRule().thresholds() || p == null || positive < 0) {
            return null;
        }
        boolean[] isPositive = new boolean[labels.length];
        double[] scores = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            isPositive[i] = labels[i] == positive;
            scores[i] = p[i][positive];
        }
        return recipe.servedModelRule() == ServedModelRule.RECALL_AT_FALSE_POSITIVE_RATE_PER_GROUP
                ? DecisionThreshold.atFalsePositiveRatePerGroup(classes.get(positive), isPositive, scores, split.validation().groups(),
                        recipe.maxFalsePositiveRate())
                : DecisionThreshold.atFalsePositiveRate(classes.get(positive), isPositive, scores, recipe.maxFalsePositiveRate());
    }
}
