package dev.dlforge.projects;

import dev.dlforge.core.run.RunDir;
import java.util.List;
import java.util.Map;

/** A project whose runs are measured: {@code dlforge eval RUN}, {@code dlforge bench ID}, the figure the studio and {@code projects} show. */
public interface Evaluates extends Project {

    /**
     * A headline figure the default recipe of {@code model} must reach, checked by
     * {@code dlforge bench PROJECT} (on demand, never as a timed test in CI).
     *
     * @param metric key in metrics.json, e.g. {@code test_accuracy}
     * @param withinSeconds training time budget on the reference machine (2 cores); 0 for none
     */
    record BenchmarkTarget(String model, String metric, double atLeast, double withinSeconds) {}

    List<BenchmarkTarget> benchmarkTargets();

    /**
     * The figure runs are ranked by (the studio's "trained" status and best run).
     *
     * @param metric key in metrics.json
     * @param higherIsBetter false for losses
     */
    record Headline(String metric, boolean higherIsBetter) {}

    /** The first benchmark target's metric, or {@code test_accuracy}; higher is better. */
    default Headline headline() {
        return new Headline(benchmarkTargets().isEmpty() ? "test_accuracy" : benchmarkTargets().get(0).metric(), true);
    }

    /** Re-evaluates a run's saved model on its test set. */
    Map<String, Double> evaluate(RunDir run, TrainOptions options);
}
