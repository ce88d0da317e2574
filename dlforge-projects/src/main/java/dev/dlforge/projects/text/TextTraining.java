package dev.dlforge.projects.text;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.data.text.TextSplit;
import dev.dlforge.projects.TrainOptions;
import java.nio.file.Path;

/**
 * What one model's training gets.
 *
 * @param split training and validation texts (the test part is not for training)
 * @param recipe the run's recipe
 * @param run the run folder (the neural model records its history and checkpoints there)
 * @param card a card for the model, metrics still empty, for the run's interim {@code model/}
 * @param resumeFrom checkpoint to continue from; null for a fresh start
 * @param options console, stop signal and listener
 */
public record TextTraining(TextSplit split, TextClassifierRecipe recipe, RunDir run, ModelCard card, Path resumeFrom,
        TrainOptions options) {}
