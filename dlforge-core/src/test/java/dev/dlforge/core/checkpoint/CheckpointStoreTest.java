package dev.dlforge.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.StepResult;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.core.train.TrainingTask;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
    @TempDir
    Path dir;

    /** A task whose whole state is one number; it can be told to fail half-way through writing. */
    static final class CounterTask implements TrainingTask {
        long value;
        boolean failWhileWriting;

        @Override
        public StepResult trainStep(Batch batch, double learningRate) {
            return new StepResult(0, Map.of());
        }

        @Override
        public StepResult evalStep(Batch batch) {
            return new StepResult(0, Map.of());
        }

        @Override
        public void writeState(DataOutputStream out) throws IOException {
            out.writeLong(value);
            if (failWhileWriting) {
                out.write(new byte[100_000]);
                throw new IOException("killed mid-checkpoint");
            }
        }

        @Override
        public void readState(DataInputStream in) throws IOException {
            value = in.readLong();
        }
    }

    private static TrainerState at(long step) {
        TrainerState s = TrainerState.start();
        return new TrainerState(0, 0, step, s.epochSums(), s.history(), s.bestValue(), s.bestEpoch(), 0);
    }

    @Test
    void aWriteThatDiesHalfWayLeavesThePreviousCheckpointValid() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 2);
        CounterTask task = new CounterTask();
        task.value = 41;
        store.save(at(10), task);
        task.value = 42;
        task.failWhileWriting = true;
        assertThatThrownBy(() -> store.save(at(20), task)).hasMessageContaining("killed mid-checkpoint");

        Path latest = store.latestReadable().orElseThrow();
        assertThat(latest.getFileName().toString()).isEqualTo("step-00000010.ckpt");
        CounterTask restored = new CounterTask();
        assertThat(CheckpointStore.restore(latest, restored).globalStep()).isEqualTo(10);
        assertThat(restored.value).isEqualTo(41);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void damagedNewestCheckpointIsSkipped() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 3);
        CounterTask task = new CounterTask();
        store.save(at(5), task);
        Files.write(dir.resolve("step-00000009.ckpt"), new byte[] {'P', 'K', 3, 4, 0, 0}); // torn by a crash of an older version
        assertThat(store.latestReadable()).contains(dir.resolve("step-00000005.ckpt"));
    }

    @Test
    void aTruncatedNewestCheckpointIsSkippedAndTheSkipIsReportedWithItsReason() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 3);
        CounterTask task = new CounterTask();
        store.save(at(5), task);
        Path newest = store.save(at(9), task);
        byte[] whole = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(whole, whole.length / 2));
        List<String> skipped = new ArrayList<>();
        assertThat(store.latestReadable(skipped::add)).contains(dir.resolve("step-00000005.ckpt"));
        assertThat(skipped).singleElement().asString().contains("step-00000009.ckpt").contains("truncated or corrupt")
                .contains((whole.length / 2) + " bytes");
    }

    @Test
    void keepsOnlyTheNewest() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 2);
        CounterTask task = new CounterTask();
        for (long step : new long[] {1, 2, 3, 4}) {
            store.save(at(step), task);
        }
        assertThat(store.list()).extracting(p -> p.getFileName().toString())
                .containsExactly("step-00000004.ckpt", "step-00000003.ckpt");
    }

    @Test
    void emptyStoreHasNoCheckpoint() throws Exception {
        assertThat(new CheckpointStore(dir.resolve("none"), 2).latestReadable()).isEmpty();
    }
}
