package dev.dlforge.projects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.StepResult;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.core.train.TrainingTask;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumePointTest {
    @TempDir
    Path dir;

    /** A task whose state is a few bytes: checkpoints without a network. */
    private static final class TinyTask implements TrainingTask {
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
            out.write(new byte[4096]);
        }

        @Override
        public void readState(DataInputStream in) throws IOException {
            in.readFully(new byte[4096]);
        }
    }

    private static TrainerState atEpoch(int epoch, long step) {
        TrainerState s = TrainerState.start();
        return new TrainerState(epoch, 0, step, s.epochSums(), s.history(), s.bestValue(), s.bestEpoch(), 0);
    }

    @Test
    void aResumeThatSkipsATruncatedNewestCheckpointSaysWhichAndWhy() throws Exception {
        RunDir run = new RunDir(dir);
        run.checkpoints().save(atEpoch(1, 100), new TinyTask());
        Path newest = run.checkpoints().save(atEpoch(2, 200), new TinyTask());
        byte[] whole = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(whole, whole.length - 30)); // torn at its end, where the zip directory lives

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ResumePoint from = ResumePoint.of(run, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(from.checkpoint().getFileName()).hasToString("step-00000100.ckpt");
        assertThat(from.trainedEpochs()).isEqualTo(1);
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("skipped checkpoint " + newest + ": it is truncated or corrupt");
    }
}
