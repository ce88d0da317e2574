package dev.dlforge.serve.studio;

import dev.dlforge.core.DlforgeException;

/**
 * The studio's train form. Null fields keep the recipe's defaults.
 *
 * @param limit examples per split, for quick runs
 */
public record TrainRequest(String project, String model, String dataset, Integer epochs, Integer batchSize, Double learningRate,
        Integer limit, Long seed) {

    public TrainRequest validated() {
        if (project == null || project.isBlank()) {
            throw new DlforgeException("the request names no project", "send {\"project\": \"digits\", ...}");
        }
        check(epochs == null || (epochs >= 1 && epochs <= 1000), "epochs must be 1-1000");
        check(batchSize == null || (batchSize >= 1 && batchSize <= 4096), "batch size must be 1-4096");
        check(learningRate == null || (learningRate > 0 && learningRate <= 10), "learning rate must be in (0, 10]");
        check(limit == null || limit >= 10, "limit must be at least 10 examples");
        return this;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new DlforgeException(message, "fix the train form");
        }
    }
}
