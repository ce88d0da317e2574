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
import dev.dlforge.core.testing.EndToEnd;

/** One rule for which run a project id means when a model is wanted: the pinned run, else the newest completed run with a model. */
@EndToEnd
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

        assertThat(store().currentModel("digits")).contains(new CurrentModel(good, false));
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

    @Test
    void aPinnedRunAnswersUntilUnpinnedEvenWhenNewerRunsComplete() throws Exception {
        RunDir older = run(RunInfo.COMPLETED, true);
        RunDir newer = run(RunInfo.COMPLETED, true);
        assertThat(store().pin("digits", older.id())).isEqualTo(new CurrentModel(older, true));
        RunDir newest = run(RunInfo.COMPLETED, true);

        assertThat(store().currentModel("digits")).contains(new CurrentModel(older, true));
        assertThat(store().resolveModel("digits")).isEqualTo(older);
        assertThat(store().currentModels()).containsEntry("digits", new CurrentModel(older, true));
        assertThat(store().list()).as("the pin file is not a run").hasSize(3);

        assertThat(store().unpin("digits")).isTrue();
        assertThat(store().currentModel("digits")).contains(new CurrentModel(newest, false));
        assertThat(store().unpin("digits")).isFalse();
        assertThat(newer).isNotEqualTo(newest);
    }

    @Test
    void onlyACompletedRunWithAModelOfTheSameProjectCanBePinned() throws Exception {
        RunDir failed = run(RunInfo.FAILED, true);
        RunDir good = run(RunInfo.COMPLETED, true);
        assertThatThrownBy(() -> store().pin("digits", failed.id())).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("is failed").hasMessageContaining("only a completed run");
        assertThatThrownBy(() -> store().pin("fashion", good.id())).hasMessageContaining("belongs to project digits");
        assertThatThrownBy(() -> store().pin("digits", "20990101-000000")).hasMessageContaining("no run '20990101-000000'");
        assertThat(store().pin("digits", "digits/" + good.id()).run()).isEqualTo(good);
    }

    @Test
    void aPinWhoseRunIsGoneFallsBackToTheNewestCompletedRun() throws Exception {
        RunDir pinned = run(RunInfo.COMPLETED, true);
        RunDir other = run(RunInfo.COMPLETED, true);
        store().pin("digits", pinned.id());
        dev.dlforge.core.io.FileTrees.delete(pinned.path());
        assertThat(store().currentModel("digits")).contains(new CurrentModel(other, false));
    }
}
