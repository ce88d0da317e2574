package dev.dlforge.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code run.json} says of a run.
 *
 * @param id the run's folder name
 * @param project catalogue id, e.g. {@code fashion}
 * @param status {@code running}, {@code stopped}, {@code completed} or {@code failed}
 * @param created ISO-8601 instant
 * @param updated ISO-8601 instant
 * @param recipe the project's recipe as JSON: everything needed to rebuild the model and resume
 * @param metrics the final metrics once the run finished (as in {@code metrics.json})
 * @param message why it failed or stopped; empty otherwise
 */
public record RunInfo(String id, String project, String status, String created, String updated,
        JsonNode recipe, Map<String, Double> metrics, String message) {

    public RunInfo with(String newStatus, Map<String, Double> newMetrics, String newMessage) {
        return new RunInfo(id, project, newStatus, created, Instant.now().toString(), recipe,
                newMetrics, newMessage);
    }
}
