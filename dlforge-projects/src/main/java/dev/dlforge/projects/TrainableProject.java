package dev.dlforge.projects;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.serving.DemoSample;
import dev.dlforge.projects.serving.Predictor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A built project: it trains, evaluates and serves a {@link Predictor} (which {@code dlforge predict}, the API and the studio use). */
public interface TrainableProject extends Trains {

    /** Model variants, the first being the default. */
    List<String> models();

    /** Dataset ids it can train on, the first being the default. */
    List<String> datasets();

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

    /** Trains a new run; returns its folder (complete, or stopped and resumable). */
    RunDir train(TrainOptions options);

    /**
     * Continues a stopped or interrupted run from its last checkpoint: projects that are {@link Resumes}
     * do; the others (rag: it keeps no checkpoint) say their runs do not resume.
     */
    default RunDir resume(RunDir run, TrainOptions options) {
        throw new DlforgeException("runs of project " + info().id() + " do not resume: they keep no checkpoint to continue from (run "
                + run.id() + " is " + run.info().status() + ")", "start a new run: `dlforge train " + info().id() + "`");
    }

    /** Re-evaluates a run's saved model on its test set. */
    Map<String, Double> evaluate(RunDir run, TrainOptions options);

    /**
     * Loads a model folder (a run's {@code model/}, see ModelArtifact) for serving: the API and the
     * studio's demo send it batches of requests.
     */
    Predictor<?, ?> predictor(Path modelDir);

    /** How the studio's demo presents this project's model. */
    Demo demo();

    /** Up to {@code count} example inputs for the demo (e.g. test-set pictures); none by default. */
    default List<DemoSample> demoSamples(RunDir run, int count) {
        return List.of();
    }
}
