package dev.dlforge.projects.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained text classifier: class probabilities for a batch of texts, and its model folder. May
 * own native memory: close it when done.
 */
public interface TextClassifier extends AutoCloseable {

    /** The model's name, e.g. {@code naive-bayes}; also its folder's name in a run. */
    String model();

    List<String> classes();

    /** (N, K) probabilities, each row summing to 1, for {@code texts} in order. */
    float[][] probabilities(List<String> texts);

    /** Writes the model's own files into {@code dir} (the card {@code model.json} is written by the caller). */
    void save(Path dir) throws IOException;

    @Override
    default void close() {}
}
