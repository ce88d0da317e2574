package dev.dlforge.projects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash in training says whose fault it is. Regression test: on the previous main a bug reached
 * the user as a bare IllegalArgumentException, with no run id and nothing written to report.
 */
class RunFailureTest {
    @TempDir
    Path home;

    private RunDir run() {
        return new RunStore(new DlforgeHome(home)).create("digits", JsonNodeFactory.instance.objectNode().put("epochs", 1), null);
    }

    @Test
    void aBugNamesTheRunAndALogWithTheStackTrace() throws Exception {
        RunDir run = run();
        RuntimeException thrown = RunFailure.record(run, "digits", new IllegalArgumentException("index 5 out of bounds"));

        assertThat(thrown).isInstanceOf(DlforgeException.class)
                .hasMessage("training digits crashed in run " + run.id() + ": IllegalArgumentException: index 5 out of bounds");
        Path log = run.path().resolve(RunFailure.ERROR_LOG);
        assertThat(((DlforgeException) thrown).hint()).contains("this is a bug in dlforge").contains(log.toString())
                .contains("--resume " + run.path());
        assertThat(Files.readString(log)).contains("IllegalArgumentException: index 5 out of bounds").contains("at dev.dlforge")
                .contains("recipe: {\"epochs\":1}");
        assertThat(run.info().status()).isEqualTo("failed");
        assertThat(run.info().message()).isEqualTo(thrown.getMessage());
    }

    @Test
    void theUsersMistakeIsReportedAsItIsWithNoBugLog() {
        RunDir run = run();
        DlforgeException mistake = new DlforgeException("--limit 5 leaves no test images", "use at least 50");
        assertThat(RunFailure.record(run, "digits", mistake)).isSameAs(mistake);
        assertThat(run.path().resolve(RunFailure.ERROR_LOG)).doesNotExist();
        assertThat(run.info().message()).isEqualTo("--limit 5 leaves no test images");
    }

    @Test
    void anIoErrorSaysHowToContinue() {
        RunDir run = run();
        RuntimeException thrown = RunFailure.record(run, "digits", new IOException("No space left on device"));
        assertThat(thrown).hasMessageContaining("No space left on device");
        assertThat(((DlforgeException) thrown).hint()).contains("fix the cause").contains("--resume " + run.path());
    }
}
