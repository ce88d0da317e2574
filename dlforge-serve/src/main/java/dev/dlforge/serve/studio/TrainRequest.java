package dev.dlforge.serve.studio;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.projects.TrainOptions;

/**
 * The studio's train form. Null fields keep the recipe's defaults.
 *
 * @param limit training examples, for quick runs (what {@code --limit} means: {@link TrainOptions#LIMIT_MEANING})
 */
public record TrainRequest(String project, String model, String dataset, Integer epochs, Integer batchSize, Double learningRate,
        Integer limit, Long seed) {

    /** This request, if its values pass the command line's own check ({@link TrainOptions#check}). */
    public TrainRequest validated() {
        if (project == null || project.isBlank()) {
            throw new DlforgeException("the request names no project", "send {\"project\": \"digits\", ...}");
        }
        TrainOptions.check(epochs, batchSize, learningRate, limit, seed, "fix the train form");
        return this;
    }
}
