package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.data.read.IdxFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/** Each kind of bad input gets one clear error (plus a hint) and a non-zero exit, never a stack trace. */
@EndToEnd
class BadInputTest {
    @TempDir
    Path tmp;

    private static void assertCleanError(Cli cli, String expected) {
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
        assertThat(afterRunLine(cli)).as(cli.toString()).startsWith("error: ").contains(expected).doesNotContain("\tat ");
        assertThat(cli.err()).contains("hint: ");
    }

    /** Stderr after the line saying which run a command used (predict and eval print it first). */
    private static String afterRunLine(Cli cli) {
        return cli.err().startsWith("using run ") ? cli.err().substring(cli.err().indexOf('\n') + 1) : cli.err();
    }

    @Test
    void unknownProjectListsTheValidIds() {
        assertCleanError(Cli.run("train", "nope"), "no project 'nope'");
        assertThat(Cli.run("train", "nope").err()).contains("digits, fashion");
    }

    @Test
    void plannedProjectSaysItIsNotBuiltYet() {
        assertCleanError(Cli.run("train", "lora"), "on the roadmap but not built yet");
    }

    @Test
    void unknownDatasetAndModelListTheValidOnes() {
        assertCleanError(Cli.run("train", "digits", "--dataset", "imagenet"), "unknown dataset 'imagenet'");
        assertCleanError(Cli.run("train", "digits", "--model", "resnet"), "has no model 'resnet'");
        assertCleanError(Cli.run("data", "info", "imagenet"), "unknown dataset 'imagenet'");
    }

    @Test
    void nonsensicalOptionsAreRefusedBeforeAnythingRuns() {
        assertCleanError(Cli.run("train", "digits", "--epochs", "0", "--out", tmp.resolve("r").toString()), "epochs must be 1-1000, got 0");
        assertThat(tmp.resolve("r")).doesNotExist();
        Cli usage = Cli.run("train", "digits", "--epochs", "many");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("error: Invalid value for option '--epochs'")
                .contains("hint: see `dlforge train --help`").doesNotContain("Usage:");
        // bench's options: dlforge-bench's BenchRegistrationTest
    }

    @Test
    void corruptDatasetFilesGiveOneLineNamingTheProblem() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("mnist"));
        for (String f : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            Files.writeString(data.resolve(f), "<html>Not Found</html>");
        }
        assertCleanError(Cli.run("train", "digits", "--dataset", "mnist", "--data", data.toString()), "not an unsigned-byte IDX file");
    }

    @Test
    void labelsThatDoNotMatchTheImagesAreReported() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("mnist"));
        IdxFiles.write(data.resolve("train-images-idx3-ubyte.gz"), IdxFiles.images(5, 28, 28), true);
        IdxFiles.write(data.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.labels(1, 2, 3), true);
        IdxFiles.write(data.resolve("t10k-images-idx3-ubyte.gz"), IdxFiles.images(2, 28, 28), true);
        IdxFiles.write(data.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.labels(1, 2), true);
        assertCleanError(Cli.run("train", "digits", "--dataset", "mnist", "--data", data.toString()), "do not belong together");
    }

    /** The four MNIST files, with the given test image size. */
    private Path mnistWithTestImages(int n, int rows, int cols) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("mnist"));
        IdxFiles.write(data.resolve("train-images-idx3-ubyte.gz"), IdxFiles.images(3, 28, 28), true);
        IdxFiles.write(data.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.labels(1, 2, 3), true);
        IdxFiles.write(data.resolve("t10k-images-idx3-ubyte.gz"), IdxFiles.images(n, rows, cols), true);
        IdxFiles.write(data.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.labels(new int[n]), true);
        return data;
    }

    @Test
    void zeroSizedIdxImagesAreRefusedBeforeTrainingNamingTheFile() throws Exception {
        Path data = mnistWithTestImages(2, 0, 0);
        Cli train = Cli.run("train", "digits", "--dataset", "mnist", "--data", data.toString(), "--out", tmp.resolve("r").toString());
        assertCleanError(train, data.resolve("t10k-images-idx3-ubyte.gz") + ": dimension 2 of 3 is 0");
        assertThat(tmp.resolve("r")).as("refused before any run folder").doesNotExist();
    }

    @Test
    void testImagesOfAnotherSizeThanTheTrainingImagesAreRefused() throws Exception {
        Path data = mnistWithTestImages(2, 20, 20);
        assertCleanError(Cli.run("train", "digits", "--dataset", "mnist", "--data", data.toString()),
                "training images are 1x28x28 but test images are 1x20x20");
    }

    @Test
    void unwritableOutputFolderIsReportedBeforeTraining() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertCleanError(Cli.run("train", "digits", "--limit", "100", "--out", file.resolve("run").toString()), "cannot write run folder");
    }

    @Test
    void corruptPictureCostsOneLineAndTheOtherPicturesAreStillClassified() throws Exception {
        Path run = tmp.resolve("run");
        assertThat(Cli.run("train", "digits", "--limit", "200", "--epochs", "1", "--out", run.toString()).exitCode()).isZero();
        Path good = ProjectSmokeTest.drawnDigit(tmp.resolve("good.png"));
        byte[] bytes = Files.readAllBytes(good);
        Path bad = Files.write(tmp.resolve("bad.png"), Arrays.copyOf(bytes, bytes.length / 3));
        Cli predict = Cli.run("predict", run.toString(), bad.toString(), good.toString());
        assertThat(predict.exitCode()).isEqualTo(1);
        assertThat(afterRunLine(predict)).startsWith("error: image " + bad + " is corrupt or truncated");
        assertThat(predict.out()).contains("good.png:");
        assertCleanError(Cli.run("predict", run.toString(), good.toString(), "--top", "0"), "--top must be at least 1");
    }

    @Test
    void aDamagedModelFolderIsNamedByPredictWithWhatToDo() throws Exception {
        Path run = tmp.resolve("run");
        assertThat(Cli.run("train", "digits", "--limit", "200", "--epochs", "1", "--out", run.toString()).exitCode()).isZero();
        Path seven = ProjectSmokeTest.drawnDigit(tmp.resolve("seven.png"));
        Path card = run.resolve("model/model.json");
        String intact = Files.readString(card);

        Files.writeString(card, intact.replaceFirst("\"inputShape\" : \\[[^]]*]", "\"inputShape\" : [ 1, 100000, 100000 ]"));
        assertCleanError(Cli.run("predict", run.toString(), seven.toString()),
                "model card " + card + " claims input shape [1, 100000, 100000]: one example would hold more than");

        Files.writeString(card, intact);
        Path weights = run.resolve("model/weights.bin");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(bytes, bytes.length / 2));
        Cli predict = Cli.run("predict", run.toString(), seven.toString());
        assertCleanError(predict, "model weights " + weights + " are truncated: " + bytes.length / 2 + " bytes, " + bytes.length + " expected");
        assertThat(predict.err()).contains("copy the whole model folder again");
    }

    @Test
    void completedRunIsNotResumedWithoutMoreEpochs() {
        Path run = tmp.resolve("run");
        assertThat(Cli.run("train", "digits", "--limit", "200", "--epochs", "1", "--out", run.toString()).exitCode()).isZero();
        assertCleanError(Cli.run("train", "--resume", run.toString()), "already completed its 1 epochs");
        assertCleanError(Cli.run("train", "--resume", run.toString(), "--lr", "0.1"), "only --epochs and --data may change");
    }

    @Test
    void unknownRunSaysHowToListRuns() {
        assertCleanError(Cli.run("eval", "no-such-run"), "no run or project 'no-such-run'");
        assertThat(Cli.run("eval", "no-such-run").err()).contains("`dlforge runs` lists the runs");
    }
}
