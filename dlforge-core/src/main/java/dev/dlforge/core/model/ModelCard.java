package dev.dlforge.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a saved model is, next to its weights in {@code model.json}: enough for {@code predict},
 * {@code serve} and the studio to rebuild and use it.
 *
 * @param project catalogue id that trained it; it knows how to rebuild the network
 * @param architecture the network's name, e.g. {@code cnn}
 * @param recipe the training recipe, as JSON
 * @param inputShape shape of one input without the batch axis, e.g. [1, 28, 28]
 * @param labels class names, index = output position
 * @param metrics metrics at save time (e.g. {@code test_accuracy})
 * @param dataset dataset id it was trained on
 * @param created ISO-8601 instant
 * @param format version of this layout
 */
public record ModelCard(String project, String architecture, JsonNode recipe, List<Long> inputShape, List<String> labels,
        Map<String, Double> metrics, String dataset, String created, int format) {

    /** A card written now, in today's layout ({@link ModelArtifact#FORMAT}). */
    public static ModelCard now(String project, String architecture, JsonNode recipe, List<Long> inputShape, List<String> labels,
            Map<String, Double> metrics, String dataset) {
        return new ModelCard(project, architecture, recipe, inputShape, labels, metrics, dataset, Instant.now().toString(), ModelArtifact.FORMAT);
    }
}
