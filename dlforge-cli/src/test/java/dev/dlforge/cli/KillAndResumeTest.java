package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/** A real training process, killed: the last checkpoint stays valid and --resume finishes the run. */
@EndToEnd
class KillAndResumeTest {
    @TempDir
    Path tmp;

    private Process startTraining(Path run) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Ddlforge.home=" + System.getProperty("dlforge.home"),
                "dev.dlforge.cli.Dlforge", "train", "fashion", "--limit", "1500", "--epochs", "30",
                "--batch-size", "32", "--out", run.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("train.log").toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        return pb.start();
    }

    /** Waits until the process has written its first checkpoint. */
    private void awaitCheckpoint(Path run, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (new CheckpointStore(run.resolve("checkpoints"), 2).latestReadable().isPresent()) {
                return;
            }
            if (!process.isAlive()) {
                fail("training exited early:\n" + Files.readString(tmp.resolve("train.log")));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        fail("no checkpoint within 5 minutes:\n" + Files.readString(tmp.resolve("train.log")));
    }

    private static JsonNode info(Path run) throws Exception {
        return Json.MAPPER.readTree(run.resolve("run.json").toFile());
    }

    /** Resumes for one more epoch than the checkpoint holds, however far the run had got. */
    private static void assertResumesToCompletion(Path run) throws Exception {
        Path latest = new CheckpointStore(run.resolve("checkpoints"), 2).latestReadable().orElseThrow();
        String epochs = String.valueOf(CheckpointStore.stateOf(latest).epoch() + 1);
        Cli resume = Cli.run("train", "--resume", run.toString(), "--epochs", epochs);
        assertThat(resume.exitCode()).as(resume.toString()).isZero();
        assertThat(resume.out()).contains("resuming " + run);
        assertThat(info(run).get("status").asText()).isEqualTo("completed");
        assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(Integer.parseInt(epochs) + 1);

        Cli again = Cli.run("train", "--resume", run.toString(), "--epochs", epochs);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("has already trained " + epochs + " epochs").contains("hint:");
        assertThat(info(run).get("status").asText()).as("a refused resume changes nothing").isEqualTo("completed");
    }

    @Test
    void killedProcessResumesFromItsLastValidCheckpoint() throws Exception {
        Path run = tmp.resolve("run");
        Process process = startTraining(run);
        awaitCheckpoint(run, process);
        Thread.sleep(700); // somewhere in the second epoch, or in the middle of writing its checkpoint
        process.destroyForcibly(); // SIGKILL: no hook, no cleanup
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(info(run).get("status").asText()).as("nobody could record the kill").isEqualTo("running");
        assertThat(new RunDir(run).info().status()).as("but its process is gone").isEqualTo(RunInfo.INTERRUPTED);
        assertThat(new CheckpointStore(run.resolve("checkpoints"), 2).latestReadable()).isPresent();
        assertResumesToCompletion(run);
    }

    @Test
    void terminatedProcessCheckpointsTheCurrentBatchAndRecordsTheStop() throws Exception {
        Path run = tmp.resolve("run");
        Process process = startTraining(run);
        awaitCheckpoint(run, process);
        Thread.sleep(500);
        process.destroy(); // SIGTERM, as Ctrl-C or a scheduler would
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits after the current batch").isTrue();

        String log = Files.readString(tmp.resolve("train.log"));
        assertThat(log).contains("stopping: finishing the current batch and writing a checkpoint");
        JsonNode info = info(run);
        assertThat(info.get("status").asText()).as(log).isEqualTo("stopped");
        assertThat(info.get("message").asText()).startsWith("stopped at epoch");
        assertResumesToCompletion(run);
    }
}
