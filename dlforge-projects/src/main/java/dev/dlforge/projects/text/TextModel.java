package dev.dlforge.projects.text;

import dev.dlforge.core.model.ModelCard;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A kind of text classifier a project can train and load: naive Bayes, TF-IDF logistic
 * regression, a neural model, a rule baseline. Its name is its folder's name in a run and the
 * {@code architecture} in its card.
 */
public interface TextModel {

    String name();

    /** One line for reports, e.g. "multinomial naive Bayes on word counts". */
    String summary();

    /** Whether it trains epochs with the shared Trainer (learning curves, checkpoints, resume). */
    default boolean neural() {
        return false;
    }

    /** How simple it is, for preferring the simpler of two models that score the same within noise ({@link ModelSelection}). */
    default ModelComplexity complexity() {
        return neural() ? ModelComplexity.NEURAL : ModelComplexity.LINEAR;
    }

    /** Trains on {@code training}'s data; null when a stop was requested (neural models only). */
    TextClassifier train(TextTraining training) throws IOException;

    /** Loads what {@link TextClassifier#save} wrote into {@code dir}, described by {@code card}. */
    TextClassifier load(Path dir, ModelCard card) throws IOException;
}
