package dev.dlforge.projects.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingResultTest {

    /** The metric line and metrics.json list a run's metrics in the project's order (test_accuracy first), not a hash order. */
    @Test
    void completedKeepsTheMetricsInTheProjectsOrder() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String key : new String[] {"test_accuracy", "test_precision", "test_recall", "test_f1", "test_auc", "val_f1", "epochs",
                "model_epoch", "train_seconds", "naive-bayes_test_f1", "tfidf-logreg_test_f1", "embedding-bag_test_f1"}) {
            metrics.put(key, (double) metrics.size());
        }
        assertThat(TrainingResult.completed(metrics, "").metrics()).containsExactlyEntriesOf(metrics);
    }
}
