package dev.dlforge.projects;

import dev.dlforge.core.run.RunDir;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A built project: it trains, evaluates and predicts. */
public interface TrainableProject extends Project {

    /** Model variants, the first being the default. */
    List<String> models();

    /** Dataset ids it can train on, the first being the default. */
    List<String> datasets();

    /** Trains a new run; returns its folder (complete, or stopped and resumable). */
    RunDir train(TrainOptions options);

    /** Continues a stopped or interrupted run from its last checkpoint. */
    RunDir resume(RunDir run, TrainOptions options);

    /** Re-evaluates a run's saved model on its test set. */
    Map<String, Double> evaluate(RunDir run, TrainOptions options);

    /** A prediction for one input file: the top classes with probabilities. */
    record Prediction(String input, List<Score> top) {}

    /** One class and its probability. */
    record Score(String label, double probability) {}

    List<Prediction> predict(RunDir run, List<Path> inputs, int topK);
}
