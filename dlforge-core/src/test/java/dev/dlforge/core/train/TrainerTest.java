package dev.dlforge.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.optim.Adam;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.testing.TestBlocks;
import dev.dlforge.core.testing.TwoBlobs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final TwoBlobs TRAIN = new TwoBlobs(8, 16, 20, 1);
    private static final TwoBlobs VAL = new TwoBlobs(8, 64, 2, 99);

    @TempDir
    Path dir;

    /** A model, its task and a trainer over it, all owned by one manager. */
    private record Setup(NDManager manager, Block block, SupervisedTask task) implements AutoCloseable {
        static Setup create(long seed) {
            NDManager m = Engines.newManager();
            Block block = TestBlocks.mlp(m, 8, 16, 2, seed);
            TrainableParameters params = TrainableParameters.of(block);
            SupervisedTask task = new SupervisedTask(block, params, Loss.softmaxCrossEntropyLoss(),
                    new Adam(params, Adam.Config.defaults()), List.of(BatchMetric.accuracy()), 1.0, m);
            return new Setup(m, block, task);
        }

        Trainer trainer(TrainerConfig config) {
            return new Trainer(task, config, manager);
        }

        float[] weights() {
            return TestBlocks.flatWeights(block);
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    private static TrainerConfig config(int epochs, int patience) {
        return new TrainerConfig(epochs, 0.01, "cosine", 7, 0, new EarlyStopping("val_accuracy", true, patience));
    }

    @Test
    void learnsASeparableProblem() {
        try (Setup s = Setup.create(3)) {
            Trainer.Outcome outcome = s.trainer(config(3, 0)).fit(TRAIN, VAL, new CheckpointStore(dir, 2), TrainerState.start());
            assertThat(outcome.status()).isEqualTo(Trainer.Status.COMPLETED);
            List<EpochRecord> h = outcome.state().history();
            assertThat(h).hasSize(3);
            assertThat(h.get(2).metrics().get("train_loss")).isLessThan(h.get(0).metrics().get("train_loss"));
            assertThat(h.get(2).metrics().get("val_accuracy")).isGreaterThan(0.9);
            assertThat(outcome.state().globalStep()).isEqualTo(60);
        }
    }

    @Test
    void resumeContinuesExactlyWhereItStopped() throws Exception {
        float[] uninterrupted;
        try (Setup s = Setup.create(5)) {
            s.trainer(config(2, 0)).fit(TRAIN, VAL, new CheckpointStore(dir.resolve("a"), 2), TrainerState.start());
            uninterrupted = s.weights();
        }
        CheckpointStore store = new CheckpointStore(dir.resolve("b"), 2);
        try (Setup s = Setup.create(5)) {
            StopSignal stop = new StopSignal();
            Trainer trainer = s.trainer(config(2, 0)).stopSignal(stop).addListener(new TrainingListener() {
                @Override
                public void onBatch(BatchProgress p) {
                    if (p.epoch() == 1 && p.batch() == 6) {
                        stop.request(); // mid-epoch, in the second epoch
                    }
                }
            });
            Trainer.Outcome stopped = trainer.fit(TRAIN, VAL, store, TrainerState.start());
            assertThat(stopped.status()).isEqualTo(Trainer.Status.STOPPED);
            assertThat(stopped.state().epoch()).isEqualTo(1);
            assertThat(stopped.state().batch()).isEqualTo(7);
        }
        // A new process: fresh model with different initial weights, restored from the checkpoint.
        try (Setup s = Setup.create(123)) {
            Path latest = store.latestReadable().orElseThrow();
            TrainerState state = CheckpointStore.restore(latest, s.task());
            Trainer.Outcome done = s.trainer(config(2, 0)).fit(TRAIN, VAL, store, state);
            assertThat(done.status()).isEqualTo(Trainer.Status.COMPLETED);
            assertThat(done.state().history()).hasSize(2);
            assertThat(s.weights()).as("bit-identical to the uninterrupted run").isEqualTo(uninterrupted);
        }
    }

    @Test
    void nativeArraysDoNotAccumulateAcrossBatches() {
        try (Setup s = Setup.create(1)) {
            List<Integer> liveArrays = new ArrayList<>();
            Trainer trainer = s.trainer(config(3, 0)).addListener(new TrainingListener() {
                @Override
                public void onBatch(BatchProgress p) {
                    liveArrays.add(s.manager().getManagedArrays().size());
                }
            });
            trainer.fit(new TwoBlobs(8, 16, 100, 2), VAL, new CheckpointStore(dir, 1), TrainerState.start()); // validation too
            // After the first step has created the optimiser's moments, nothing more may stay alive.
            List<Integer> afterWarmUp = liveArrays.subList(1, liveArrays.size());
            assertThat(afterWarmUp).as("live arrays per batch").containsOnly(liveArrays.get(1));
        }
    }

    @Test
    void earlyStoppingEndsARunThatStoppedImproving() {
        try (Setup s = Setup.create(3)) {
            // A rate far below float32 resolution: the weights, and so val_loss, never change after epoch 1.
            TrainerConfig cfg = new TrainerConfig(10, 1e-15, "constant", 7, 0, new EarlyStopping("val_loss", false, 2));
            Trainer.Outcome outcome = s.trainer(cfg).fit(TRAIN, VAL, new CheckpointStore(dir, 2), TrainerState.start());
            assertThat(outcome.status()).isEqualTo(Trainer.Status.EARLY_STOPPED);
            assertThat(outcome.state().history()).hasSize(3);
            assertThat(outcome.state().bestEpoch()).isEqualTo(1);
        }
    }

    /** {@link #VAL}, passing the number of batches served so far (over all epochs) and each batch through {@code edit}. */
    private static BatchSource validationWith(BiFunction<Integer, Batch, Batch> edit) {
        int[] served = {0};
        return new BatchSource() {
            @Override
            public int examples() {
                return VAL.examples();
            }

            @Override
            public int batchesPerEpoch() {
                return VAL.batchesPerEpoch();
            }

            @Override
            public Batch batch(int epoch, int index, NDManager manager) {
                return edit.apply(served[0]++, VAL.batch(epoch, index, manager));
            }
        };
    }

    @Test
    void anEpochWhoseMetricIsNaNIsNeverTheBest() {
        // After the first validation pass the inputs are NaN, so val_loss is NaN from epoch 2 on.
        BatchSource turnsNaN = validationWith((served, b) -> served < VAL.batches() ? b
                : new Batch(new NDList(b.inputs().head().mul(Float.NaN)), b.labels(), b.size()));
        try (Setup s = Setup.create(3)) {
            TrainerConfig cfg = new TrainerConfig(3, 0.01, "constant", 7, 0, new EarlyStopping("val_loss", false, 0));
            Trainer.Outcome outcome = s.trainer(cfg).fit(TRAIN, turnsNaN, new CheckpointStore(dir, 2), TrainerState.start());
            assertThat(outcome.state().history().get(2).metrics().get("val_loss")).isNaN();
            assertThat(outcome.state().bestEpoch()).isEqualTo(1);
        }
    }

    @Test
    void aStopAskedDuringValidationEndsTheRunAfterTheEpochCheckpoint() throws Exception {
        StopSignal stop = new StopSignal();
        BatchSource stopsMidValidation = validationWith((served, b) -> {
            stop.request();
            return b;
        });
        try (Setup s = Setup.create(3)) {
            CheckpointStore store = new CheckpointStore(dir, 2);
            Trainer.Outcome outcome = s.trainer(config(3, 0)).stopSignal(stop).fit(TRAIN, stopsMidValidation, store, TrainerState.start());
            assertThat(outcome.status()).isEqualTo(Trainer.Status.STOPPED);
            assertThat(outcome.state().history()).hasSize(1);
            assertThat(store.list()).extracting(p -> p.getFileName().toString()).containsExactly("step-00000020.ckpt");
        }
    }

    @Test
    void withoutValidationTheLatestEpochIsTheBest() {
        try (Setup s = Setup.create(3)) {
            List<Boolean> best = new ArrayList<>();
            s.trainer(config(3, 1)).addListener(new TrainingListener() {
                @Override
                public void onEpochEnd(EpochRecord record, boolean isBest) {
                    best.add(isBest);
                }
            }).fit(TRAIN, null, new CheckpointStore(dir, 2), TrainerState.start());
            assertThat(best).containsExactly(true, true, true);
        }
    }

    @Test
    void checkpointsAtEveryEpochAndKeepsTheNewest() throws Exception {
        try (Setup s = Setup.create(3)) {
            CheckpointStore store = new CheckpointStore(dir, 2);
            s.trainer(config(3, 0)).fit(TRAIN, VAL, store, TrainerState.start());
            assertThat(store.list()).extracting(p -> p.getFileName().toString())
                    .containsExactly("step-00000060.ckpt", "step-00000040.ckpt");
        }
    }
}
