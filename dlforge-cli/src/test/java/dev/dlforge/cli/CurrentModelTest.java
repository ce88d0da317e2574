package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.io.FileTrees;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunOwner;
import dev.dlforge.core.run.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/**
 * Which run answers for a project, through the real CLI: predict and eval take the pinned run, else the
 * newest completed run with a model, never a newer failed or killed one; --run picks another; runs shows a killed run as interrupted; a
 * resume says which damaged checkpoint it skipped. Each test has a home of its own (runs of other
 * tests would change "newest") sharing the test dataset cache.
 */
@EndToEnd
class CurrentModelTest {
    @TempDir
    Path tmp;
    private String sharedHome;

    @BeforeEach
    void ownHome() throws Exception {
        sharedHome = System.getProperty("dlforge.home");
        Path datasets = Files.createDirectories(new DlforgeHome(Path.of(sharedHome).toAbsolutePath()).datasets());
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createSymbolicLink(home.resolve("datasets"), datasets);
        System.setProperty("dlforge.home", home.toString());
    }

    @AfterEach
    void sharedHomeAgain() throws Exception {
        System.setProperty("dlforge.home", sharedHome);
        Files.delete(tmp.resolve("home").resolve("datasets")); // the link only: the cache stays for the other tests
    }

    private Path trainDigits(String name, int epochs) {
        Path run = tmp.resolve(name);
        Cli train = Cli.run("train", "digits", "--limit", "200", "--epochs", String.valueOf(epochs), "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        return run;
    }

    /** A newer run of digits as a crash of each kind leaves it: failed with a model, killed without one. */
    private RunDir newerRun(Path good, boolean failed) throws Exception {
        RunStore store = new RunStore(DlforgeHome.current());
        RunDir run = store.create("digits", new RunDir(good).info().recipe(), null);
        if (failed) {
            FileTrees.copy(good.resolve("model"), run.model());
            run.writeInfo(run.info().with(RunInfo.FAILED, Map.of(), "out of memory"));
        } else {
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            run.writeInfo(run.recordedInfo().ownedBy(RunOwner.of(gone.toHandle())));
        }
        return run;
    }

    @Test
    void predictAndEvalUseTheNewestCompletedRunNotANewerFailedOrKilledOne() throws Exception {
        Path good = trainDigits("good", 1);
        newerRun(good, true);
        RunDir killed = newerRun(good, false);
        String used = "using run digits/good (completed, the current model of digits: the newest completed run; " + good + ")";

        Cli predict = Cli.run("predict", "digits", ProjectSmokeTest.drawnDigit(tmp.resolve("seven.png")).toString());
        assertThat(predict.exitCode()).as(predict.toString()).isZero();
        assertThat(predict.err()).contains(used);
        assertThat(predict.out()).contains("seven.png:");

        Cli eval = Cli.run("eval", "digits", "--json");
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        assertThat(eval.err()).contains(used);
        double saved = ((Number) Json.readFile(good.resolve("metrics.json"), Map.class).get("test_accuracy")).doubleValue();
        assertThat(Json.MAPPER.readTree(eval.out()).get("test_accuracy").asDouble()).isEqualTo(saved);

        Cli runs = Cli.run("runs", "digits");
        assertThat(runs.exitCode()).isZero();
        assertThat(runs.out()).containsPattern("digits/" + killed.id() + " +interrupted")
                .contains("resume with ./dlforge train --resume " + killed.path()).containsPattern("digits/good +completed");
    }

    @Test
    void aPinnedRunAnswersUntilUnpinnedAndRunPicksAnotherForOneCommand() throws Exception {
        Path first = trainDigits("first", 1);
        Path second = trainDigits("second", 1);
        String digit = ProjectSmokeTest.drawnDigit(tmp.resolve("seven.png")).toString();

        Cli pin = Cli.run("runs", "pin", "digits", "first");
        assertThat(pin.exitCode()).as(pin.toString()).isZero();
        assertThat(pin.out()).contains("pinned digits/first");
        Cli predict = Cli.run("predict", "digits", digit);
        assertThat(predict.err()).as(predict.toString()).contains("using run digits/first (completed, the current model of digits: pinned");
        assertThat(Cli.run("runs", "digits").out()).containsPattern("\\* digits/first +completed \\(pinned\\)")
                .containsPattern("(?m)^  digits/second +completed");

        Cli other = Cli.run("eval", "digits", "--run", "second", "--json");
        assertThat(other.exitCode()).as(other.toString()).isZero();
        assertThat(other.err()).contains("using run digits/second (completed, chosen with --run; " + second + ")");
        assertThat(Cli.run("predict", "fashion", "--run", "second", digit).err()).contains("belongs to project digits, not fashion");
        assertThat(Cli.run("predict", "digits", "--run", "nope", digit).err()).contains("no run 'nope' in project digits");

        assertThat(Cli.run("runs", "unpin", "digits").out()).contains("unpinned digits; digits/second answers now (the newest completed run)");
        assertThat(Cli.run("predict", "digits", digit).err()).contains("using run digits/second");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aResumeSaysWhichTruncatedCheckpointItSkippedAndWhereItResumedFrom() throws Exception {
        Path run = trainDigits("run", 2);
        List<Path> checkpoints = new CheckpointStore(run.resolve("checkpoints"), 2).list();
        assertThat(checkpoints).hasSize(2);
        byte[] whole = Files.readAllBytes(checkpoints.get(0));
        Files.write(checkpoints.get(0), Arrays.copyOf(whole, whole.length / 2));

        Cli resume = Cli.run("train", "--resume", run.toString(), "--epochs", "3");
        assertThat(resume.exitCode()).as(resume.toString()).isZero();
        assertThat(resume.out()).contains("skipped checkpoint " + checkpoints.get(0) + ": it is truncated or corrupt")
                .contains("resuming " + run + " from " + checkpoints.get(1).getFileName());
    }

    @Test
    void aRunStillTrainingInAnotherProcessIsNotResumed() throws Exception {
        RunDir run = new RunStore(DlforgeHome.current()).create("digits", Json.MAPPER.createObjectNode(), null);
        Process owner = new ProcessBuilder("sleep", "300").start();
        try {
            run.writeInfo(run.recordedInfo().ownedBy(RunOwner.of(owner.toHandle())));
            Cli resume = Cli.run("train", "--resume", run.path().toString());
            assertThat(resume.exitCode()).as(resume.toString()).isEqualTo(1);
            assertThat(resume.err()).contains("error: run " + run.id() + " is still training in process " + owner.pid())
                    .contains("hint: ");
        } finally {
            owner.destroyForcibly();
            owner.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
