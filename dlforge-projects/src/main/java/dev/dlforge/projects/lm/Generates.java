package dev.dlforge.projects.lm;

import ai.djl.ndarray.NDManager;
import dev.dlforge.projects.Serves;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.serving.Predictor;
import java.nio.file.Path;

/**
 * A project whose model writes text ({@code poetry}, {@code gpt}): {@code dlforge generate},
 * {@code dlforge chat}, the studio's generation demo and the API drive it through the one
 * {@link LoadedLanguageModel} this loads.
 */
public interface Generates extends Serves {

    /** Loads a model folder (a run's {@code model/}) with its tokenizer; arrays live in {@code manager}. */
    LoadedLanguageModel loadLanguageModel(Path modelDir, NDManager manager);

    /** Serves the model folder through {@link GenerationPredictor}: prompt in, continuation out. */
    @Override
    default Predictor<?, ?> predictor(Path modelDir) {
        return GenerationPredictor.load(this, modelDir);
    }

    /** The studio's {@code generate} widget. */
    @Override
    default Demo demo() {
        return GenerationPredictor.demo();
    }
}
