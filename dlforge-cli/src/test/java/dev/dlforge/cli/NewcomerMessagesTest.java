package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.DlforgeHome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/** What a newcomer's first mistakes get: one line saying what is wrong, the closest right name, a hint, a non-zero exit. */
@EndToEnd
class NewcomerMessagesTest {
    @TempDir
    Path tmp;

    @Test
    void runsOfAnUnknownProjectFailsListingTheProjects() {
        Cli runs = Cli.run("runs", "nope");
        assertThat(runs.exitCode()).as(runs.toString()).isEqualTo(1);
        assertThat(runs.err()).startsWith("error: no project 'nope'").contains("hint: projects: digits, fashion");
    }

    @Test
    void aMistypedProjectIdGetsTheClosestOneWhereverAProjectIsTaken() {
        String[][] commands = {{"train", "digitz"}, {"eval", "digitz"}, {"predict", "digitz", "--text", "hi"}, {"serve", "digitz"},
            {"generate", "gtp", "--prompt", "x"}, {"chat", "gtp"}, {"runs", "digitz"}}; // bench: dlforge-bench's BenchRegistrationTest
        for (String[] command : commands) {
            Cli cli = Cli.run(command);
            assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
            String meant = command[1].equals("gtp") ? "gpt" : "digits";
            assertThat(cli.err()).as(String.join(" ", command)).contains("project '" + command[1] + "': did you mean '" + meant + "'?");
        }
    }

    @Test
    void aMistypedCommandOrOptionGetsTheClosestOne() {
        Cli command = Cli.run("trian", "digits");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).startsWith("error: unknown command 'trian' for `dlforge`: did you mean 'train'?");
        Cli option = Cli.run("train", "digits", "--epohcs", "3");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("unknown option '--epohcs'").contains("did you mean '--epochs'?");
    }

    @Test
    void theCommandLineChecksTheTrainOptionsAsTheStudioDoes() {
        Cli huge = Cli.run("train", "digits", "--batch-size", "100000");
        assertThat(huge.exitCode()).isEqualTo(1);
        assertThat(huge.err()).startsWith("error: batch size must be 1-4096, got 100000");
        assertThat(Cli.run("train", "digits", "--lr", "50").err()).startsWith("error: learning rate must be in (0, 10], got 50.0");
        assertThat(Cli.run("train", "digits", "--limit", "0").err()).startsWith("error: limit must be at least 1 training example");
    }

    @Test
    void aLimitThatLeavesNoHeldOutImagesFailsBeforeTrainingNamingOneThatWorks() {
        Path out = tmp.resolve("run");
        Cli tiny = Cli.run("train", "digits", "--limit", "5", "--epochs", "1", "--out", out.toString());
        assertThat(tiny.exitCode()).as(tiny.toString()).isEqualTo(1);
        assertThat(tiny.err()).startsWith("error: --limit 5 leaves no validation images: use at least 90").doesNotContain("bug");
        assertThat(out).doesNotExist();
        Cli enough = Cli.run("train", "digits", "--limit", "90", "--epochs", "1", "--out", out.toString());
        assertThat(enough.exitCode()).as(enough.toString()).isZero();
        assertThat(enough.out()).contains(": 90 train / 10 validation / ");
    }

    @Test
    void anEmptyTextOrFileIsRefusedRatherThanClassified() throws Exception {
        Path run = tmp.resolve("spam-run");
        Cli train = Cli.run("train", "spam", "--limit", "300", "--epochs", "1", "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        for (String blank : new String[] {"", "   "}) {
            Cli predict = Cli.run("predict", run.toString(), "--text", blank);
            assertThat(predict.exitCode()).as(predict.toString()).isEqualTo(1);
            assertThat(predict.err()).contains("error: --text \"" + blank + "\" is empty: there is nothing to predict from").contains("hint: ");
            assertThat(predict.out()).isEmpty();
        }
        Path empty = Files.createFile(tmp.resolve("empty.eml"));
        Cli predict = Cli.run("predict", run.toString(), empty.toString());
        assertThat(predict.exitCode()).isEqualTo(1);
        assertThat(predict.err()).contains("error: file " + empty + " (0 bytes) is empty");
    }

    @Test
    void aBusyPortIsOneLineSuggestingAFreeOne() throws Exception {
        PrintStream systemErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8)); // where the HTTP library would log its failure
            Cli studio = Cli.run("studio", "--port", String.valueOf(port));
            System.setErr(systemErr);
            assertThat(studio.exitCode()).as(studio.toString()).isEqualTo(1);
            Matcher line = Pattern.compile("error: port " + port + " is in use; try --port (\\d+)\n").matcher(studio.err());
            assertThat(line.matches()).as(studio.err()).isTrue();
            int suggested = Integer.parseInt(line.group(1));
            assertThat(suggested).isNotEqualTo(port);
            try (ServerSocket free = new ServerSocket(suggested, 50, InetAddress.getByName("127.0.0.1"))) {
                assertThat(free.getLocalPort()).isEqualTo(suggested);
            }
        } finally {
            System.setErr(systemErr);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void projectsShowsCommandsThatExistAndRagsIndexes() throws Exception {
        Path index = DlforgeHome.current().root().resolve("rag").resolve("newcomer-" + ProcessHandle.current().pid());
        Files.createDirectories(index);
        try {
            Cli projects = Cli.run("projects");
            assertThat(projects.exitCode()).isZero();
            assertThat(line(projects.out(), "chat")).contains("command: dlforge chat").doesNotContain("planned");
            assertThat(line(projects.out(), "serve")).contains("command: dlforge serve").doesNotContain("planned");
            assertThat(line(projects.out(), "lora")).contains("planned");
            String rag = line(projects.out(), "rag");
            assertThat(rag).doesNotContain("not trained");
            if (!rag.contains("trained: ")) { // a rag run in the test home ranks above its indexes
                assertThat(rag).contains("indexed: ").contains(index.getFileName().toString());
            }
        } finally {
            Files.delete(index);
        }
    }

    private static String line(String listing, String id) {
        return listing.lines().filter(l -> l.startsWith("  " + id + " ")).findFirst().orElseThrow();
    }
}
