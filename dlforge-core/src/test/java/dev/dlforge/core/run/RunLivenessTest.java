package dev.dlforge.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/** A run killed with no chance to say so reads as interrupted; a live one as running. Real processes, no mocks. */
@EndToEnd
class RunLivenessTest {
    @TempDir
    Path home;

    private RunDir newRun() {
        return new RunStore(new DlforgeHome(home)).create("digits", JsonNodeFactory.instance.objectNode(), null);
    }

    @Test
    void aRunOfThisJvmRecordsItAsOwnerAndReadsAsRunning() {
        RunDir run = newRun();
        RunInfo recorded = run.recordedInfo();
        assertThat(recorded.owner()).isNotNull();
        assertThat(recorded.owner().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(recorded.owner().started()).isEqualTo(ProcessHandle.current().info().startInstant().map(Instant::toString).orElse(null));
        assertThat(run.info().status()).isEqualTo(RunInfo.RUNNING);
    }

    @Test
    void aRunWhoseProcessWasKilledReadsAsInterruptedWithTheResumeCommand() throws Exception {
        RunDir run = newRun();
        Process owner = new ProcessBuilder("sleep", "300").start();
        try {
            run.writeInfo(run.recordedInfo().ownedBy(RunOwner.of(owner.toHandle())));
            assertThat(run.info().status()).as("owner alive").isEqualTo(RunInfo.RUNNING);
        } finally {
            owner.destroyForcibly(); // SIGKILL: the owner records nothing
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(run.recordedInfo().status()).as("the file still says running").isEqualTo(RunInfo.RUNNING);
        RunInfo seen = run.info();
        assertThat(seen.status()).isEqualTo(RunInfo.INTERRUPTED);
        assertThat(seen.message()).contains("process " + owner.pid() + " is gone")
                .contains("resume with ./dlforge train --resume " + run.path());
        assertThat(new RunStore(new DlforgeHome(home)).list()).extracting(r -> r.info().status()).containsExactly(RunInfo.INTERRUPTED);
    }

    @Test
    void aLiveProcessWithTheSamePidButAnotherStartTimeIsNotTheOwner() {
        RunDir run = newRun();
        String earlier = ProcessHandle.current().info().startInstant().orElseThrow().minus(1, ChronoUnit.HOURS).toString();
        run.writeInfo(run.recordedInfo().ownedBy(new RunOwner(ProcessHandle.current().pid(), earlier)));
        assertThat(run.info().status()).as("the pid was reused by this JVM").isEqualTo(RunInfo.INTERRUPTED);
    }

    @Test
    void aRunningRunWithoutOwnerFromAnOlderVersionReadsAsInterrupted() throws Exception {
        RunDir run = newRun();
        Map<String, Object> old = Json.MAPPER.convertValue(run.recordedInfo(), Map.class);
        old.remove("owner");
        Files.writeString(run.runJson(), Json.write(old));
        assertThat(run.recordedInfo().owner()).isNull();
        assertThat(run.info().status()).isEqualTo(RunInfo.INTERRUPTED);
        assertThat(run.info().message()).contains("no process recorded");
    }

    @Test
    void finishedRunsAreReportedAsRecordedWhateverBecameOfTheirProcess() {
        RunDir run = newRun();
        run.writeInfo(run.info().with(RunInfo.FAILED, Map.of(), "out of memory"));
        assertThat(run.info().status()).isEqualTo(RunInfo.FAILED);
        assertThat(run.info().message()).isEqualTo("out of memory");
    }
}
