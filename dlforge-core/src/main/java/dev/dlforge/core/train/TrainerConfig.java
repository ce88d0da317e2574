package dev.dlforge.core.train;

import dev.dlforge.core.optim.LrSchedule;

/**
 * How the loop runs.
 *
 * @param epochs passes over the training set
 * @param learningRate base rate; the schedule scales it per step
 * @param schedule {@code constant}, {@code cosine} or {@code step}
 * @param seed seeds shuffling, augmentation, initialisation and dropout
 * @param checkpointEverySteps extra checkpoints inside an epoch; 0 checkpoints at epoch ends only
 * @param earlyStopping the metric that picks the best epoch, and the patience
 */
public record TrainerConfig(
        int epochs,
        double learningRate,
        String schedule,
        long seed,
        int checkpointEverySteps,
        EarlyStopping earlyStopping) {

    public TrainerConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        LrSchedule.parse(schedule); // fail at configuration time, not mid-run
    }

    public LrSchedule lrSchedule() {
        return LrSchedule.parse(schedule);
    }
}
