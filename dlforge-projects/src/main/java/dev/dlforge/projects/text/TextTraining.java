package dev.dlforge.projects.text;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.data.text.TextSplit;
import dev.dlforge.projects.kit.RunSession;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What one model's training gets.
 *
 * @param split training and validation texts (the test part is not for training)
 * @param recipe the run's recipe
 * @param session the run being trained: its folder (the neural model records its history and
 *     checkpoints there), console, and {@link RunSession#fit} for a network
 * @param card a card for the model, metrics still empty, for the run's interim {@code model/}
 * @param resumeFrom checkpoint to continue from; null for a fresh start
 */
public record TextTraining(TextSplit split, TextClassifierRecipe recipe, RunSession session, ModelCard card, Path resumeFrom) {

    public PrintStream console() {
        return session.console();
    }
}
