package dev.dlforge.projects.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.testing.EndToEnd;
import dev.dlforge.core.train.EpochRecord;
import dev.dlforge.core.train.StopSignal;
import dev.dlforge.core.train.TrainingListener;
import dev.dlforge.projects.TrainOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spam run on the kit's lifecycle: stopped after the network's first epoch it stays resumable,
 * and the resume continues from that checkpoint to the recipe's epochs, then completes as a new run
 * does (served model, metrics, report); a completed run resumes only for more epochs.
 */
@EndToEnd
class SpamResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aStoppedRunResumesFromItsCheckpointAndCompletes() throws Exception {
        StopSignal stop = new StopSignal();
        TrainingListener stopAfterFirstEpoch = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochRecord record, boolean best) {
                stop.request();
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
        SpamProject spam = new SpamProject();
        RunDir run = spam.train(new TrainOptions("embedding-bag", null, null, 3, null, null, 300, 42L, tmp.resolve("run"), console, stop,
                stopAfterFirstEpoch));
        assertThat(run.info().status()).isNotEqualTo(RunInfo.COMPLETED);
        assertThat(Files.exists(run.path().resolve("metrics.json"))).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run: " + run.path()).doesNotContain("served model: ");

        out.reset();
        RunDir resumed = spam.resume(run, TrainOptions.defaults(console));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("resuming " + run.path() + " from ").contains("served model: embedding-bag").contains("report: ");
        assertThat(resumed.info().status()).isEqualTo(RunInfo.COMPLETED);
        assertThat(resumed.info().message()).isEqualTo("served model: embedding-bag");
        Map<?, ?> metrics = Json.readFile(run.path().resolve("metrics.json"), Map.class);
        assertThat(((Number) metrics.get("epochs")).intValue()).isEqualTo(3);
        assertThat(Files.readAllLines(run.path().resolve("history.csv"))).hasSize(4); // a header and three epochs
        assertThat(run.model().resolve("model.json")).isRegularFile();

        assertThatThrownBy(() -> spam.resume(run, TrainOptions.defaults(console))).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("already completed its 3 epochs");
    }
}
