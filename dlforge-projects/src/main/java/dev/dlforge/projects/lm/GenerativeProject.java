package dev.dlforge.projects.lm;

import ai.djl.ndarray.NDManager;
import dev.dlforge.projects.TrainableProject;
import java.nio.file.Path;

/**
 * A project whose model writes text ({@code poetry}, {@code gpt}): {@code dlforge generate},
 * {@code dlforge chat}, the studio's generation demo and the API drive it through the one
 * {@link LoadedLanguageModel} this loads.
 */
public interface GenerativeProject extends TrainableProject {

    /** Loads a model folder (a run's {@code model/}) with its tokenizer; arrays live in {@code manager}. */
    LoadedLanguageModel loadLanguageModel(Path modelDir, NDManager manager);
}
