package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/**
 * {@code --limit N} is N training examples in the language projects too (issue 25): a limit that
 * leaves the held-out split empty is refused before a run folder exists, naming a limit that works.
 * The smoke tests (GptSmokeTest, PoetrySmokeTest, PosSmokeTest, RagCommandTest) check that a run
 * reports N training examples.
 */
@EndToEnd
class LimitMeaningTest {
    @TempDir
    Path tmp;

    @Test
    void gptRefusesALimitThatLeavesNoValidationWindow() {
        assertRefused("gpt", 4, "validation windows of 64 tokens");
    }

    @Test
    void poetryRefusesALimitThatLeavesNoValidationWindow() {
        assertRefused("poetry", 4, "validation windows");
    }

    @Test
    void posRefusesALimitThatLeavesNoValidationSentence() {
        assertRefused("pos", 5, "validation sentences");
    }

    private void assertRefused(String project, int limit, String what) {
        Path out = tmp.resolve(project + "-run");
        Cli tiny = Cli.run("train", project, "--limit", String.valueOf(limit), "--epochs", "1", "--out", out.toString());
        assertThat(tiny.exitCode()).as(tiny.toString()).isEqualTo(1);
        assertThat(tiny.err()).as(tiny.toString()).containsPattern("^error: --limit " + limit + " leaves no " + what + ": use at least \\d+\n")
                .contains("hint: or leave out --limit").doesNotContain("bug");
        assertThat(out).doesNotExist();
    }
}
