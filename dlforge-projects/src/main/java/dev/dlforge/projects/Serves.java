package dev.dlforge.projects;

import dev.dlforge.core.run.RunDir;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.serving.DemoSample;
import dev.dlforge.projects.serving.Predictor;
import java.nio.file.Path;
import java.util.List;

/**
 * A project whose models answer requests: {@code dlforge predict}, {@code dlforge serve}, the HTTP
 * API and the studio's demo all go through its {@link Predictor}, and render its typed answers
 * ({@link dev.dlforge.projects.serving.output.Output}) without project code of their own.
 */
public interface Serves extends Project {

    /** Loads a model folder (a run's {@code model/}, see ModelArtifact) to answer batches of requests. */
    Predictor<?, ?> predictor(Path modelDir);

    /** How the studio's demo presents this project's model: which input widget, with what prompt. */
    Demo demo();

    /** Up to {@code count} example inputs for the demo (e.g. test-set pictures); none by default. */
    default List<DemoSample> demoSamples(RunDir run, int count) {
        return List.of();
    }
}
