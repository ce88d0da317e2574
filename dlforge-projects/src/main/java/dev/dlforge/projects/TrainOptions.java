package dev.dlforge.projects;

import dev.dlforge.core.train.StopSignal;
import dev.dlforge.core.train.TrainingListener;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Command-line overrides of a project's recipe; null means "the recipe's default".
 *
 * @param model variant, e.g. {@code mlp} or {@code cnn}
 * @param dataset dataset id, e.g. {@code mnist} instead of the default
 * @param data explicit folder holding the dataset's files
 * @param limit use at most this many examples of each split (quick runs, smoke tests)
 * @param outDir run folder instead of one under the home
 * @param console where progress and results are printed
 * @param stop lets the caller stop training gracefully
 * @param listener also told of the run's progress (the studio's live charts); null for none
 */
public record TrainOptions(String model, String dataset, Path data, Integer epochs, Integer batchSize,
        Double learningRate, Integer limit, Long seed, Path outDir, PrintStream console, StopSignal stop,
        TrainingListener listener) {

    public static TrainOptions defaults(PrintStream console) {
        return new TrainOptions(null, null, null, null, null, null, null, null, null, console, new StopSignal(), null);
    }

    public TrainOptions withModel(String newModel) {
        return new TrainOptions(newModel, dataset, data, epochs, batchSize, learningRate, limit, seed, outDir, console, stop, listener);
    }

    public TrainOptions withEpochs(Integer newEpochs) {
        return new TrainOptions(model, dataset, data, newEpochs, batchSize, learningRate, limit, seed, outDir, console, stop, listener);
    }

    public TrainOptions withSeed(Long newSeed) {
        return new TrainOptions(model, dataset, data, epochs, batchSize, learningRate, limit, newSeed, outDir, console, stop, listener);
    }

    public TrainOptions withListener(TrainingListener newListener) {
        return new TrainOptions(model, dataset, data, epochs, batchSize, learningRate, limit, seed, outDir, console, stop, newListener);
    }

    public TrainOptions withData(Path newData) {
        return new TrainOptions(model, dataset, newData, epochs, batchSize, learningRate, limit, seed, outDir, console, stop, listener);
    }
}
