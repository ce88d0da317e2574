package dev.dlforge.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path home;

    private RunStore store() {
        return new RunStore(new DlforgeHome(home));
    }

    @Test
    void createsRunsAndFindsThemByPathIdOrProject() {
        RunDir a = store().create("digits", JsonNodeFactory.instance.objectNode().put("epochs", 3), null);
        RunDir b = store().create("digits", JsonNodeFactory.instance.objectNode(), null);
        assertThat(a.path()).isNotEqualTo(b.path());
        assertThat(a.info().status()).isEqualTo("running");
        assertThat(a.info().recipe().get("epochs").asInt()).isEqualTo(3);
        assertThat(store().resolve(a.path().toString()).path()).isEqualTo(a.path());
        assertThat(store().resolve("digits/" + a.id()).path()).isEqualTo(a.path());
        assertThat(store().resolve(a.id()).path()).isEqualTo(a.path());
        assertThat(store().resolve("digits").path()).as("a project id means its newest run").isEqualTo(b.path());
        assertThat(store().list()).hasSize(2);
    }

    @Test
    void unknownRunSaysHowToListRuns() {
        assertThatThrownBy(() -> store().resolve("nope")).isInstanceOf(DlforgeException.class).hasMessageContaining("no run 'nope'");
    }

    @Test
    void unwritableOutputFolderIsAClearError() throws Exception {
        Path blocker = Files.writeString(home.resolve("a-file"), "x");
        assertThatThrownBy(() -> store().create("digits", JsonNodeFactory.instance.objectNode(), blocker.resolve("run")))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("cannot write run folder")
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("--out"));
    }

    @Test
    void readOnlyFolderIsRefusedWhenPermissionsApply() throws Exception {
        Path ro = Files.createDirectory(home.resolve("ro"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        assumeFalse(Files.isWritable(ro), "running as root: permissions do not stop writes");
        assertThatThrownBy(() -> store().create("digits", JsonNodeFactory.instance.objectNode(), ro.resolve("run")))
                .hasMessageContaining("cannot write run folder");
    }

    @Test
    void anExistingRunIsNeverOverwritten() {
        RunDir a = store().create("digits", JsonNodeFactory.instance.objectNode(), home.resolve("mine"));
        assertThatThrownBy(() -> store().create("digits", JsonNodeFactory.instance.objectNode(), a.path()))
                .hasMessageContaining("already holds a run");
    }
}
