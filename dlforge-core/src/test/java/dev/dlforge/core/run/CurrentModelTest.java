package dev.dlforge.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule for which run a project id means when a model is wanted: the newest completed run with a model. */
class CurrentModelTest {
    @TempDir
    Path home;

    private RunStore store() {
        return new RunStore(new DlforgeHome(home));
    }

    private RunDir run(String status, boolean withModel) throws Exception {
        RunDir run = store().create("digits", JsonNodeFactory.instance.objectNode(), null);
        if (withModel) {
            Files.createDirectories(run.model());
            Files.writeString(run.model().resolve("model.json"), "{}");
        }
        if (!status.equals(RunInfo.RUNNING)) {
            run.writeInfo(run.info().with(status, Map.of(), ""));
        }
        return run;
    }

    /** A run recorded as running by a process that has since been killed. */
    private RunDir interrupted() throws Exception {
        RunDir run = run(RunInfo.RUNNING, true);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        run.writeInfo(run.recordedInfo().ownedBy(RunOwner.of(gone.toHandle())));
        assertThat(run.info().status()).isEqualTo(RunInfo.INTERRUPTED);
        return run;
    }

    @Test
    void failedInterruptedAndRunningRunsNeverHideTheNewestCompletedModel() throws Exception {
        run(RunInfo.COMPLETED, true);
        RunDir good = run(RunInfo.COMPLETED, true);
        run(RunInfo.COMPLETED, false); // completed, but its model folder is gone
        RunDir failed = run(RunInfo.FAILED, true);
        run(RunInfo.STOPPED, true);
        interrupted();
        RunDir live = run(RunInfo.RUNNING, true);

        assertThat(store().currentModel("digits")).contains(good);
        assertThat(store().resolveModel("digits")).isEqualTo(good);
        assertThat(store().resolveModel(failed.path().toString())).as("a run named explicitly is used as asked").isEqualTo(failed);
        assertThat(store().resolveModel("digits/" + failed.id())).isEqualTo(failed);
        assertThat(store().resolve("digits")).as("resume still means the newest run").isEqualTo(live);
    }

    @Test
    void aProjectWithoutACompletedModelSaysWhatItsNewestRunIs() throws Exception {
        run(RunInfo.FAILED, true);
        assertThat(store().currentModel("digits")).isEmpty();
        assertThatThrownBy(() -> store().resolveModel("digits")).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("project digits has no completed run with a model").hasMessageContaining("is failed")
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("dlforge train digits"));
        assertThatThrownBy(() -> store().resolveModel("fashion")).hasMessageContaining("no run 'fashion'");
    }
}
