package dev.dlforge.projects.kit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a project's training of one run ended: stopped (resumable from its last checkpoint), or
 * completed with its final metrics (kept in the project's order: metrics.json and the metric line
 * show them so) and a note for run.json (e.g. "early stop after epoch 7").
 */
public record TrainingResult(boolean stopped, Map<String, Double> metrics, String note) {

    public static TrainingResult stoppedEarly() {
        return new TrainingResult(true, Map.of(), "");
    }

    public static TrainingResult completed(Map<String, Double> metrics, String note) {
        return new TrainingResult(false, Collections.unmodifiableMap(new LinkedHashMap<>(metrics)), note); // in the project's order
    }

    public static TrainingResult completed(Map<String, Double> metrics) {
        return completed(metrics, "");
    }
}
