package dev.dlforge.core.train;

import static dev.dlforge.core.engine.ProcessMemory.rssMegabytes;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.engine.Seeds;
import dev.dlforge.core.optim.LrSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop: epochs of batches, a learning-rate schedule, validation after each epoch,
 * best-epoch tracking with early stopping, checkpoints, and graceful stops.
 *
 * <p>Every batch runs in its own {@link NDManager} closed right after the step, so native memory
 * stays flat however long the run. Before each step the engine is re-seeded from (seed, epoch,
 * batch): dropout and augmentation are then a function of the position alone, and a run resumed
 * from a checkpoint continues exactly as if it had never stopped.
 */
public final class Trainer {

    /** How a {@link #fit} call ended. */
    public enum Status {
        /** All epochs ran. */
        COMPLETED,
        /** The monitored metric stopped improving for {@code patience} epochs. */
        EARLY_STOPPED,
        /** A stop was requested; the state is in the last checkpoint and the run can resume. */
        STOPPED
    }

    /** The final state and why the loop ended. */
    public record Outcome(Status status, TrainerState state) {

        /**
         * What a run reports about its training: the kept epoch's validation metrics ({@code val_*})
         * and number ({@code model_epoch}), the epochs run and the training seconds.
         */
        public Map<String, Double> summary() {
            Map<String, Double> m = new LinkedHashMap<>();
            if (!state.history().isEmpty()) {
                EpochRecord best = state.history().get(Math.max(0, state.bestEpoch() - 1));
                best.metrics().forEach((k, v) -> {
                    if (k.startsWith("val_")) {
                        m.put(k, v);
                    }
                });
                m.put("model_epoch", (double) state.bestEpoch());
            }
            m.put("epochs", (double) state.history().size());
            m.put("train_seconds", state.elapsedSeconds());
            return m;
        }
    }

    private final TrainingTask task;
    private final TrainerConfig config;
    private final NDManager manager;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private StopSignal stop = new StopSignal();

    /** {@code manager} owns the model; batch managers are created beneath it. */
    public Trainer(TrainingTask task, TrainerConfig config, NDManager manager) {
        this.task = task;
        this.config = config;
        this.manager = manager;
    }

    public Trainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    public Trainer stopSignal(StopSignal signal) {
        this.stop = signal;
        return this;
    }

    /**
     * Trains from {@code state} (use {@link TrainerState#start()} for a new run).
     *
     * @param validation evaluated after each epoch; may be null
     */
    public Outcome fit(BatchSource train, BatchSource validation, CheckpointStore checkpoints, TrainerState state) {
        try {
            return loop(train, validation, checkpoints, state);
        } finally {
            stop.reachedSafePoint(); // however the loop ended, a Ctrl-C arriving now has nothing to wait for
        }
    }

    private Outcome loop(BatchSource train, BatchSource validation, CheckpointStore checkpoints, TrainerState state) {
        int batches = train.batchesPerEpoch();
        long totalSteps = (long) batches * config.epochs();
        LrSchedule schedule = config.lrSchedule();
        EarlyStopping early = config.earlyStopping();
        long sessionStart = System.nanoTime();
        double elapsedBefore = state.elapsedSeconds();

        while (state.epoch() < config.epochs()) {
            int epoch = state.epoch();
            for (TrainingListener l : listeners) {
                l.onEpochStart(epoch, config.epochs(), batches, state.batch());
            }
            MetricSums sums = MetricSums.restore(state.epochSums());
            long step = state.globalStep();
            long epochStart = System.nanoTime();
            long examplesThisSession = 0;
            double lr = schedule.rate(config.learningRate(), step, totalSteps);
            for (int b = state.batch(); b < batches; b++) {
                if (stop.requested()) {
                    state = state.atBatch(b, step, sums, elapsed(elapsedBefore, sessionStart));
                    save(checkpoints, state);
                    return stopped(state);
                }
                lr = schedule.rate(config.learningRate(), step, totalSteps);
                Engines.seed(Seeds.mix(config.seed(), epoch, b));
                StepResult result;
                try (NDManager batchManager = manager.newSubManager()) {
                    Batch batch = train.batch(epoch, b, batchManager);
                    result = task.trainStep(batch, lr);
                }
                sums.add(result);
                step++;
                examplesThisSession += result.examples();
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                var progress = new TrainingListener.BatchProgress(epoch, config.epochs(), b, batches, step, totalSteps,
                        lr, sums.means(""), examplesThisSession / Math.max(seconds, 1e-9));
                for (TrainingListener l : listeners) {
                    l.onBatch(progress);
                }
                if (config.checkpointEverySteps() > 0 && step % config.checkpointEverySteps() == 0 && b + 1 < batches) {
                    save(checkpoints, state.atBatch(b + 1, step, sums, elapsed(elapsedBefore, sessionStart)));
                }
            }
            state = state.atBatch(batches, step, sums, elapsed(elapsedBefore, sessionStart));
            if (stop.requested()) {
                save(checkpoints, state);
                return stopped(state);
            }

            Map<String, Double> metrics = sums.means("train_");
            if (validation != null) {
                metrics.putAll(evaluate(validation).means("val_"));
            }
            metrics.putAll(task.derivedMetrics(Map.copyOf(metrics)));
            double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
            EpochRecord record = new EpochRecord(epoch + 1, lr, epochSeconds, rssMegabytes(), metrics);
            double value = metrics.getOrDefault(early.monitor(), Double.NaN);
            // Without the monitored metric (no validation set) the latest epoch is the best one; a NaN never is.
            boolean best = !metrics.containsKey(early.monitor()) || early.improves(value, state.bestValue());
            state = state.nextEpoch(record, best ? value : state.bestValue(), best ? epoch + 1 : state.bestEpoch(),
                    elapsed(elapsedBefore, sessionStart));
            for (TrainingListener l : listeners) {
                l.onEpochEnd(record, best);
            }
            save(checkpoints, state);
            if (stop.requested()) { // asked during validation: the epoch's checkpoint is already written
                return stopped(state);
            }
            if (early.patience() > 0 && state.epochsSinceBest() >= early.patience()) {
                return finish(new Outcome(Status.EARLY_STOPPED, state));
            }
        }
        return finish(new Outcome(Status.COMPLETED, state));
    }

    /** Example-weighted means of {@link TrainingTask#evalStep} over every batch of {@code source}. */
    public MetricSums evaluate(BatchSource source) {
        MetricSums sums = new MetricSums();
        for (int b = 0; b < source.batchesPerEpoch(); b++) {
            try (NDManager batchManager = manager.newSubManager()) {
                sums.add(task.evalStep(source.batch(0, b, batchManager)));
            }
        }
        return sums;
    }

    /** Ends the run after its checkpoint is on disk. */
    private Outcome stopped(TrainerState state) {
        Outcome outcome = finish(new Outcome(Status.STOPPED, state)); // listeners record the stop first
        stop.reachedSafePoint();
        if (stop.shuttingDown()) {
            parkUntilExit();
        }
        return outcome;
    }

    private Outcome finish(Outcome outcome) {
        for (TrainingListener l : listeners) {
            l.onEnd(outcome);
        }
        return outcome;
    }

    private void save(CheckpointStore checkpoints, TrainerState state) {
        try {
            Path saved = checkpoints.save(state, task);
            for (TrainingListener l : listeners) {
                l.onCheckpoint(saved);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + checkpoints.dir() + ": " + e.getMessage(), e);
        }
    }

    private static double elapsed(double before, long sessionStart) {
        return before + (System.nanoTime() - sessionStart) / 1e9;
    }

    /** The JVM is exiting and the checkpoint is safe: touch nothing native until it is gone. */
    private static void parkUntilExit() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException ignored) {
                // keep waiting for the exit
            }
        }
    }
}
