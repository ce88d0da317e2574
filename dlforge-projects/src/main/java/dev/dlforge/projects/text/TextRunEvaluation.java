package dev.dlforge.projects.text;

import dev.dlforge.core.eval.ClassificationScores;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.data.text.TextSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code dlforge eval} of a text-classification run: the served model ({@code model/}) and every
 * model kept in {@code models/<name>/}, each answering as it is served (at its threshold, if it has
 * one), on the run's test split and the project's extra sets. The served model's figures are under
 * their plain names ({@code test_f1}), the others' prefixed with the model's name.
 */
final class TextRunEvaluation {
    private final TextClassificationProject project;
    private final TextSplit split;
    private final int positive;

    /** @param positive the class binary scores are about; -1 for macro averages */
    TextRunEvaluation(TextClassificationProject project, TextSplit split, int positive) {
        this.project = project;
        this.split = split;
        this.positive = positive;
    }

    Map<String, Double> of(RunDir run) {
        Map<String, Double> metrics = new LinkedHashMap<>(model(run.model()));
        metrics.put("test_examples", (double) split.test().size());
        for (TextModel model : project.textModels()) {
            Path dir = run.path().resolve(TextClassificationProject.MODELS).resolve(model.name());
            if (Files.isRegularFile(dir.resolve(TextClassificationProject.CARD))) {
                model(dir).forEach((k, v) -> metrics.put(model.name() + "_" + k, v));
            }
        }
        return metrics;
    }

    /** The test and extra-set figures of the model in {@code dir}. */
    private Map<String, Double> model(Path dir) {
        try (ServedTextClassifier c = project.served(dir)) {
            float[][] p = c.probabilities(split.test().texts());
            Map<String, Double> metrics = TextRunMetrics.test(ClassificationScores.of(split.test().labels(),
                    DecisionThreshold.decide(c.decision(), p, c.classes()), p, c.classes().size(), positive));
            metrics.putAll(TextRunMetrics.decision(c.decision()));
            for (ExtraTestSet set : project.extraTestSets()) {
                metrics.putAll(set.metrics(c.probabilities(set.texts().texts()), positive, c.decision()));
            }
            return metrics;
        }
    }
}
