package dev.dlforge.projects.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingResultTest {
    @Test
    void completedKeepsTheProjectsOrderOfMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String name : new String[] {"test_perplexity", "test_loss", "test_accuracy", "test_tokens", "val_loss", "epochs", "parameters"}) {
            metrics.put(name, 1.0);
        }
        assertThat(TrainingResult.completed(metrics).metrics().keySet()).containsExactlyElementsOf(metrics.keySet());
    }
}
