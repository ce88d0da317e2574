package dev.dlforge.projects;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.train.StopSignal;
import dev.dlforge.core.train.TrainingListener;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Command-line (or studio train form) overrides of a project's recipe; null means "the recipe's default".
 *
 * @param model variant, e.g. {@code mlp} or {@code cnn}
 * @param dataset dataset id, e.g. {@code mnist} instead of the default
 * @param data explicit folder holding the dataset's files
 * @param limit train on at most this many examples, in every project (quick runs, smoke tests); each
 *     project derives its validation and test sets from it and refuses, before training, a limit that
 *     leaves one of them empty (see {@link ExampleLimit})
 * @param outDir run folder instead of one under the home
 * @param console where progress and results are printed
 * @param stop lets the caller stop training gracefully
 * @param listener also told of the run's progress (the studio's live charts); null for none
 */
public record TrainOptions(String model, String dataset, Path data, Integer epochs, Integer batchSize,
        Double learningRate, Integer limit, Long seed, Path outDir, PrintStream console, StopSignal stop,
        TrainingListener listener) {
    public static final int MAX_EPOCHS = 1000;
    public static final int MAX_BATCH_SIZE = 4096;
    public static final double MAX_LEARNING_RATE = 10;

    /** What {@code --limit} means, as {@code train --help} and the studio's form say it. */
    public static final String LIMIT_MEANING = "train on at most N examples (every project: N training examples;"
            + " validation and test sets shrink in proportion); default: all";

    public static TrainOptions defaults(PrintStream console) {
        return new TrainOptions(null, null, null, null, null, null, null, null, null, console, new StopSignal(), null);
    }

    /** These options, after {@link #check} with the command line's hint. */
    public TrainOptions validated() {
        check(epochs, batchSize, learningRate, limit, seed, "see `dlforge train --help`");
        return this;
    }

    /**
     * The one check of the overrides a user sets, shared by the command line and the studio: epochs
     * in [1, 1000], batch size in [1, 4096], learning rate in (0, 10], limit at least 1 (what a
     * project needs beyond that, it says itself: {@link ExampleLimit}); any seed. Null values keep
     * the recipe's and pass.
     *
     * @param hint what to do next, e.g. "fix the train form"
     */
    public static void check(Integer epochs, Integer batchSize, Double learningRate, Integer limit, Long seed, String hint) {
        require(epochs == null || (epochs >= 1 && epochs <= MAX_EPOCHS), "epochs must be 1-" + MAX_EPOCHS + ", got " + epochs, hint);
        require(batchSize == null || (batchSize >= 1 && batchSize <= MAX_BATCH_SIZE),
                "batch size must be 1-" + MAX_BATCH_SIZE + ", got " + batchSize, hint);
        require(learningRate == null || (learningRate > 0 && learningRate <= MAX_LEARNING_RATE),
                "learning rate must be in (0, " + (int) MAX_LEARNING_RATE + "], got " + learningRate, hint);
        require(limit == null || limit >= 1, "limit must be at least 1 training example, got " + limit, hint);
    }

    private static void require(boolean ok, String message, String hint) {
        if (!ok) {
            throw new DlforgeException(message, hint);
        }
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
