package dev.dlforge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.cli.Dlforge;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** With dlforge-bench on the class path, {@code dlforge bench} registers itself (no entry in Dlforge.java). */
class BenchRegistrationTest {

    @Test
    void helpListsBenchAfterTheGenericCommandsAndBeforeTheProjectOnes() {
        String help = run(0, "--help");
        assertThat(help.indexOf("\n  studio ")).isPositive().isLessThan(help.indexOf("\n  bench "));
        assertThat(help.indexOf("\n  bench ")).isLessThan(help.indexOf("\n  word2vec "));
    }

    @Test
    void benchHelpListsItsTargets() {
        assertThat(run(0, "bench", "--help")).contains("Usage: dlforge bench", "speed", "embeddings", "studio-memory", "PROJECT");
    }

    @Test
    void aMistypedProjectGetsTheClosestOne() {
        assertThat(run(1, "bench", "digitz")).contains("project 'digitz': did you mean 'digits'?");
    }

    @Test
    void nonsensicalOptionsAreRefusedBeforeAnythingRuns() {
        assertThat(run(1, "bench", "speed", "--steps", "5")).contains("error: --steps must be 21..937").contains("hint: ").doesNotContain("\tat ");
        assertThat(run(1, "bench", "speed", "--repeats", "0")).contains("--repeats at least 1").contains("hint: ");
    }

    /** What the command printed, standard output then standard error, after checking its exit status. */
    private static String run(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Dlforge.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isEqualTo(expectedExit);
        return printed;
    }
}
