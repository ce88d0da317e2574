package dev.dlforge.models.lm.gpt;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.testing.TestBlocks;
import dev.dlforge.core.train.StopSignal;
import dev.dlforge.core.train.Trainer;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.core.train.TrainingListener;
import dev.dlforge.models.lm.LanguageModel;
import dev.dlforge.models.lm.NextTokenTask;
import dev.dlforge.models.lm.TokenWindows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GptTrainingTest {
    static final GptConfig TINY = new GptConfig(5, 16, 2, 2, 16, 0.1f, false, false);
    /** 0 1 2 3 4 0 1 2 3 4 ...: the next token is always (t + 1) mod 5. */
    static final int[] CYCLE = cycle(400);

    @TempDir
    Path dir;

    @Test
    void learnsACycleAndContinuesItGreedily() {
        GptTrainConfig train = new GptTrainConfig(120, 60, 2, 8, 3e-3, 3e-4, 10, 0.1f, 0.9f, 0.99f, 1.0, 7);
        try (NDManager m = Engines.newManager()) {
            Engines.seed(7);
            Gpt gpt = Gpt.create(TINY, m);
            Trainer.Outcome outcome = fit(gpt, train, m, Path.of(dir.toString(), "a"), TrainerState.start());
            assertThat(outcome.state().history().get(1).metrics().get("val_loss")).isLessThan(0.3);
            try (LanguageModel.Session s = new GptLanguageModel(gpt).newSession(m, true)) {
                float[] logits = s.feed(new int[] {3, 4, 0});
                for (int step = 0; step < 20; step++) {
                    int next = argmax(logits);
                    assertThat(next).isEqualTo((step + 1) % 5);
                    logits = s.feed(new int[] {next});
                }
            }
        }
    }

    @Test
    void resumingFromACheckpointContinuesBitForBit() throws Exception {
        // Training on PyTorch's CPU kernels is not always bitwise reproducible: two identical straight
        // runs of this model differed about once in 40 tries on a loaded machine (docs/ARCHITECTURE.md).
        // A resume bug differs every time, so the comparison gets up to three attempts.
        List<Integer> differing = new ArrayList<>();
        for (int attempt = 0; attempt < 3 && !differing.contains(0); attempt++) {
            differing.add(weightsDifferingAfterResume(dir.resolve("attempt-" + attempt)));
        }
        assertThat(differing).as("weights that differ from the straight run, per attempt").contains(0);
    }

    /** Trains straight and with a stop and resume in {@code base}; returns how many final weights differ. */
    private int weightsDifferingAfterResume(Path base) throws Exception {
        GptTrainConfig train = new GptTrainConfig(40, 10, 2, 4, 1e-3, 1e-4, 4, 0.1f, 0.9f, 0.99f, 1.0, 11);
        float[] straight;
        try (NDManager m = Engines.newManager()) {
            Engines.seed(1);
            Gpt gpt = Gpt.create(TINY, m);
            fit(gpt, train, m, base.resolve("straight"), TrainerState.start());
            straight = weights(gpt);
        }
        try (NDManager m = Engines.newManager()) {
            Engines.seed(1);
            Gpt gpt = Gpt.create(TINY, m);
            GptTrainConfig half = train;
            Path checkpoints = base.resolve("stopped");
            // Stop after two of four epochs by running a trainer whose listener requests the stop.
            var stop = new StopSignal();
            NextTokenTask task = half.task(gpt, m);
            new Trainer(task, half.trainerConfig(), m).stopSignal(stop).addListener(new TrainingListener() {
                @Override
                public void onBatch(BatchProgress p) {
                    if (p.step() == 20) {
                        stop.request();
                    }
                }
            }).fit(windows(half, 0), windows(half, 1), new CheckpointStore(checkpoints, 2), TrainerState.start());
            float[] atStop = weights(gpt);
            try (NDManager m2 = Engines.newManager()) {
                Engines.seed(99); // a different process-wide seed: resuming must not depend on it
                Gpt resumed = Gpt.create(TINY, m2);
                NextTokenTask task2 = half.task(resumed, m2);
                Path last = new CheckpointStore(checkpoints, 2).latestReadable().orElseThrow();
                TrainerState state = CheckpointStore.restore(last, task2);
                assertThat(state.globalStep()).isEqualTo(20);
                assertThat(diff(weights(resumed), atStop)).as("restored").isZero();
                new Trainer(task2, half.trainerConfig(), m2).fit(windows(half, 0), windows(half, 1),
                        new CheckpointStore(checkpoints, 2), state);
                return diff(weights(resumed), straight);
            }
        }
    }

    @Test
    void longRunsKeepNativeArraysFlat() {
        // Every step's arrays must die with its batch manager; a result of an op on a parameter lands in
        // the model's manager instead and would pile up one per step (the leak this guards against).
        GptTrainConfig train = new GptTrainConfig(240, 240, 2, 4, 1e-3, 1e-4, 10, 0.1f, 0.9f, 0.99f, 1.0, 3);
        try (NDManager m = Engines.newManager()) {
            Gpt gpt = Gpt.create(TINY, m);
            int[] counts = new int[2];
            new Trainer(train.task(gpt, m), train.trainerConfig(), m).addListener(new TrainingListener() {
                @Override
                public void onBatch(BatchProgress p) {
                    if (p.step() == 40) {
                        counts[0] = m.getManagedArrays().size();
                    } else if (p.step() == 240) {
                        counts[1] = m.getManagedArrays().size();
                    }
                }
            }).fit(windows(train, 0), null, new CheckpointStore(dir.resolve("flat"), 1), TrainerState.start());
            assertThat(counts[0]).isPositive();
            assertThat(counts[1]).as("arrays alive after 240 steps vs after 40").isEqualTo(counts[0]);

            GptLanguageModel lm = new GptLanguageModel(gpt);
            try (LanguageModel.Session s = lm.newSession(m, true)) {
                s.feed(new int[] {1, 2, 3});
                for (int i = 0; i < 10; i++) {
                    s.feed(new int[] {i % 5});
                }
                int early = m.getManagedArrays().size();
                for (int i = 0; i < 100; i++) { // slides its window past the block size several times
                    s.feed(new int[] {i % 5});
                }
                assertThat(m.getManagedArrays().size()).as("arrays alive while decoding").isLessThanOrEqualTo(early);
            }
        }
    }

    private static Trainer.Outcome fit(Gpt gpt, GptTrainConfig train, NDManager m, Path checkpoints, TrainerState start) {
        return new Trainer(train.task(gpt, m), train.trainerConfig(), m)
                .fit(windows(train, 0), windows(train, 1), new CheckpointStore(checkpoints, 2), start);
    }

    private static TokenWindows windows(GptTrainConfig train, int split) {
        return split == 0 ? new TokenWindows(CYCLE, TINY.blockSize(), train.batchSize(), train.evalInterval(), train.seed())
                : new TokenWindows(CYCLE, TINY.blockSize(), train.batchSize(), train.evalIters(), train.seed() + 1);
    }

    static float[] weights(Gpt gpt) {
        return TestBlocks.flatWeights(gpt);
    }

    static int diff(float[] a, float[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) { if (a[i] != b[i]) d++; }
        return d;
    }

    static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    static int[] cycle(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i % 5;
        }
        return out;
    }
}
