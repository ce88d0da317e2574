package dev.dlforge.projects.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingResultTest {

    /** metrics.json and the metric line list a run's figures in the order the project put them (headline first). */
    @Test
    void aCompletedRunKeepsItsMetricsInTheProjectsOrder() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String k : List.of("test_accuracy", "test_tokens", "val_loss", "val_accuracy", "model_epoch", "epochs", "train_seconds",
                "parameters")) {
            metrics.put(k, (double) metrics.size());
        }
        assertThat(TrainingResult.completed(metrics).metrics().keySet()).containsExactlyElementsOf(metrics.keySet());
    }
}
