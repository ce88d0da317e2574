package dev.dlforge.core.train;

import java.nio.file.Path;
import java.util.Map;

/** Observes a run: console progress bars, live charts in the studio, saving the best model. */
public interface TrainingListener {

    /** Where a batch left the run, for progress displays. */
    record BatchProgress(int epoch, int epochs, int batch, int batches, long step, long totalSteps,
            double learningRate, Map<String, Double> runningMeans, double examplesPerSecond) {}

    /**
     * A run that trains several models in turn starts on {@code model}; the epochs and batches that
     * follow are its. {@code role} says what it is to the run, e.g. "one of 3 models compared".
     */
    default void onModel(String model, String role) {}

    default void onEpochStart(int epoch, int epochs, int batches, int firstBatch) {}

    default void onBatch(BatchProgress progress) {}

    /** {@code best} is true when this epoch is the best so far by the monitored metric. */
    default void onEpochEnd(EpochRecord record, boolean best) {}

    default void onCheckpoint(Path checkpoint) {}

    default void onEnd(Trainer.Outcome outcome) {}
}
