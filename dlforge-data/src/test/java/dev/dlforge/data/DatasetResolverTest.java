package dev.dlforge.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.source.DataSource;
import dev.dlforge.data.source.SourceUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class DatasetResolverTest {
    @TempDir
    Path dir;

    /** A source that writes the given files, or fails with a reason; counts its calls. */
    static final class ScriptedSource implements DataSource {
        final String reason;
        final List<String> writes;
        final AtomicInteger calls = new AtomicInteger();

        ScriptedSource(String reason, List<String> writes) {
            this.reason = reason;
            this.writes = writes;
        }

        @Override
        public String describe() {
            return "scripted source";
        }

        @Override
        public void fetchInto(Path target) throws SourceUnavailableException, IOException {
            calls.incrementAndGet();
            for (String w : writes) {
                Files.writeString(target.resolve(w), "content of " + w);
            }
            if (reason != null) {
                throw new SourceUnavailableException(reason);
            }
        }
    }

    private static DatasetSpec spec(DataSource... sources) {
        return new DatasetSpec("toy", "Toy", "two files", "MIT", "https://example.org/toy", List.of("a.gz", "b.txt"), List.of(sources));
    }

    @Test
    void fetchesFromTheFirstSourceThatDeliversThenServesFromTheCache() throws IOException {
        ScriptedSource broken = new ScriptedSource("registry down", List.of());
        ScriptedSource good = new ScriptedSource(null, List.of("a.gz", "b.txt"));
        DatasetResolver resolver = new DatasetResolver(dir);
        Path first = resolver.resolve(spec(broken, good), null);
        assertThat(first).isEqualTo(dir.resolve("toy"));
        assertThat(Files.readString(first.resolve("b.txt"))).isEqualTo("content of b.txt");
        assertThat(resolver.manifest(spec(broken, good)).orElseThrow().files()).containsKeys("a.gz", "b.txt");

        assertThat(resolver.resolve(spec(broken, good), null)).isEqualTo(first);
        assertThat(good.calls).as("second resolve is served by the cache").hasValue(1);
        try (var entries = Files.list(dir)) {
            assertThat(entries).as("no partial folders left").containsExactly(dir.resolve("toy"));
        }
    }

    @Test
    void whenEverySourceFailsTheErrorListsEachAttemptAndNothingIsCached() {
        ScriptedSource half = new ScriptedSource(null, List.of("a.gz"));
        ScriptedSource down = new ScriptedSource("connection refused", List.of());
        DatasetResolver resolver = new DatasetResolver(dir);
        assertThatThrownBy(() -> resolver.resolve(spec(half, down), null))
                .isInstanceOf(DlforgeException.class)
                .hasMessageContaining("dataset toy is not available here")
                .hasMessageContaining("delivered no b.txt")
                .hasMessageContaining("connection refused")
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("--data FOLDER").contains("https://example.org/toy"));
        assertThat(resolver.cached(spec())).isEmpty();
        assertThat(dir.resolve("toy")).doesNotExist();
    }

    @Test
    void explicitFolderIsUsedInPlaceAcceptingPlainForGzipNames() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("a"), "uncompressed");
        Files.writeString(mine.resolve("b.txt"), "b");
        ScriptedSource never = new ScriptedSource("must not be asked", List.of());
        assertThat(new DatasetResolver(dir.resolve("cache")).resolve(spec(never), mine)).isEqualTo(mine);
        assertThat(never.calls).hasValue(0);
    }

    @Test
    void explicitFolderMissingFilesIsAClearError() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("b.txt"), "b");
        assertThatThrownBy(() -> new DatasetResolver(dir).resolve(spec(), mine))
                .hasMessageContaining("lacks a.gz for dataset toy");
        assertThatThrownBy(() -> new DatasetResolver(dir).resolve(spec(), dir.resolve("nowhere")))
                .hasMessageContaining("is not a folder");
    }

    @Test
    void unknownDatasetIdListsTheValidOnes() {
        assertThatThrownBy(() -> DatasetRegistry.builtIn().get("imagenet"))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("unknown dataset 'imagenet'")
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("fashion-mnist").contains("opencv-digits"));
    }
}
