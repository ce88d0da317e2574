package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.datasets.Mnist;
import dev.dlforge.data.read.IdxFiles;
import dev.dlforge.data.source.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/**
 * A cached test-image file replaced by zeros used to train and "complete" at chance level. Now the
 * load refuses it, naming the file and how to fetch it again, and {@code data verify} reports it.
 * The dataset is a tiny MNIST fetched from a local folder into a home of the test's own.
 */
@EndToEnd
class DataVerifyTest {
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";

    @TempDir
    Path tmp;
    private String sharedHome;

    @BeforeEach
    void ownHome() throws Exception {
        sharedHome = System.getProperty("dlforge.home");
        System.setProperty("dlforge.home", Files.createDirectories(tmp.resolve("home")).toString());
    }

    @AfterEach
    void sharedHomeAgain() {
        System.setProperty("dlforge.home", sharedHome);
    }

    /** Caches a 20-image MNIST in the test's home, as `dlforge data fetch mnist` would from a mirror. */
    private Path cachedMnist() throws Exception {
        Path mirror = Files.createDirectories(tmp.resolve("mirror"));
        int[] labels = new int[20];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        IdxFiles.write(mirror.resolve("train-images-idx3-ubyte.gz"), IdxFiles.images(20, 28, 28), true);
        IdxFiles.write(mirror.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.labels(labels), true);
        IdxFiles.write(mirror.resolve(TEST_IMAGES), IdxFiles.images(20, 28, 28), true);
        IdxFiles.write(mirror.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.labels(labels), true);
        DataSource local = new DataSource() {
            @Override
            public String describe() {
                return "the test's mirror";
            }

            @Override
            public void fetchInto(Path target) throws java.io.IOException {
                try (var files = Files.list(mirror)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.copy(f, target.resolve(f.getFileName()));
                    }
                }
            }
        };
        DatasetSpec real = new Mnist().spec();
        DatasetSpec fromMirror = new DatasetSpec(real.id(), real.title(), real.summary(), real.license(), real.homepage(),
                real.files(), List.of(local));
        return new DatasetResolver(DlforgeHome.current().datasets()).resolve(fromMirror, null);
    }

    /** Overwrites the file with zeros of its own size, keeping its mtime unless told to move it. */
    private static void zero(Path file, boolean touch) throws Exception {
        FileTime mtime = Files.getLastModifiedTime(file);
        Thread.sleep(50); // file times tick coarsely: let the overwrite land on a later tick
        Files.write(file, new byte[(int) Files.size(file)]);
        Files.setLastModifiedTime(file, touch ? FileTime.fromMillis(mtime.toMillis() + 3_600_000) : mtime);
    }

    private static void assertRefusedByTraining(Path damaged) {
        Cli train = Cli.run("train", "digits", "--dataset", "mnist", "--epochs", "1");
        assertThat(train.exitCode()).as(train.toString()).isEqualTo(1);
        assertThat(train.err()).as(train.toString()).startsWith("error: dataset mnist: cached file " + damaged + " is damaged")
                .contains("hint: fetch it again with `dlforge data fetch mnist --force`").doesNotContain("\tat ");
    }

    @Test
    void zeroedTestImagesAreRefusedByTrainingAndReportedByVerify() throws Exception {
        Path images = cachedMnist().resolve(TEST_IMAGES);
        Cli clean = Cli.run("data", "verify");
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.out()).contains("mnist (").containsPattern("OK +" + TEST_IMAGES).contains("4 files OK, 0 problems");

        zero(images, false);
        assertRefusedByTraining(images);
        Cli verify = Cli.run("data", "verify", "mnist");
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
        assertThat(verify.out()).containsPattern("MISMATCH +" + TEST_IMAGES + ": sha256 ").containsPattern("OK +train-images-idx3-ubyte.gz")
                .contains("3 files OK, 1 problem");
        assertThat(verify.err()).contains("hint: fetch it again with `dlforge data fetch mnist --force`");
    }

    @Test
    void zeroedTestImagesWithANewMtimeAreRefusedToo() throws Exception {
        Path images = cachedMnist().resolve(TEST_IMAGES);
        zero(images, true);
        assertRefusedByTraining(images);
        assertThat(Cli.run("data", "verify", "mnist").exitCode()).isEqualTo(1);
    }

    @Test
    void verifyOfADatasetThatIsNotCachedSaysSoAndFails() {
        Cli verify = Cli.run("data", "verify", "fashion-mnist");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("fashion-mnist: not cached");
        assertThat(Cli.run("data", "verify").out()).contains("no dataset is cached under");
    }
}
