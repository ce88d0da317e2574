package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class Word2VecCommandTest {
    @TempDir
    Path tmp;

    @Test
    void neighboursReadsGloveFilesAndSaysWhichWordsAreUnknown() throws Exception {
        Files.writeString(tmp.resolve("glove.txt"), "cat 1 0.1\ndog 0.9 0.2\ncar -1 0.5\n");
        Cli cli = Cli.run("word2vec", "neighbours", tmp.resolve("glove.txt").toString(), "cat", "zebra", "-k", "1");
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("cat: dog 0.99").contains("zebra: (not in the 3-word vocabulary)");
    }

    @Test
    void missingVectorFileIsAClearError() {
        Cli cli = Cli.run("word2vec", "neighbours", tmp.resolve("none.txt").toString(), "cat");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("error: no file").contains("hint: ");
        assertThat(Cli.run("word2vec", "train", "--corpus", "mnist").err()).contains("is not a text corpus");
    }

    @Test
    void trainWritesVectorsAndAReportOnMobyDick() throws Exception {
        assumeTrue(java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "npm"))), "npm is not on this machine");
        Cli cli = Cli.run("word2vec", "train", "--corpus", "moby-dick", "--dim", "16", "--epochs", "1", "--threads", "1",
                "--out", tmp.toString());
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("vectors.txt")).get(0)).matches("\\d{4} 16");
        assertThat(Files.readString(tmp.resolve("report.md"))).contains("## Nearest neighbours").contains("| whale |")
                .contains("man : king :: woman : ?");
        assertThat(cli.out()).contains("words/s on 1 thread(s)");
    }
}
