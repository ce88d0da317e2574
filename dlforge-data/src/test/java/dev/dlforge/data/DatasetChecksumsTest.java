package dev.dlforge.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import dev.dlforge.data.DatasetResolverTest.ScriptedSource;
import dev.dlforge.data.source.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/** A cached file that no longer matches its manifest is refused on load and reported by verify. */
@EndToEnd
class DatasetChecksumsTest {
    @TempDir
    Path dir;

    private final ScriptedSource source = new ScriptedSource(null, List.of("a.gz", "b.txt"));
    private final DatasetSpec spec = new DatasetSpec("toy", "Toy", "two files", "MIT", "https://example.org/toy",
            List.of("a.gz", "b.txt"), List.of(source));

    private DatasetResolver resolver() {
        return new DatasetResolver(dir);
    }

    /** Fetches and loads once (the first load hashes and records the times), then overwrites b.txt with zeros of its size. */
    private Path fetchedThenZeroed() throws Exception {
        Path cached = resolver().resolve(spec, null);
        assertThat(resolver().manifest(spec).orElseThrow().files().get("b.txt").modified()).as("times recorded on first use").isNotNull();
        Path b = cached.resolve("b.txt");
        Thread.sleep(50); // file times tick coarsely (a few ms on ext4): let the overwrite land on a later tick
        Files.write(b, new byte[(int) Files.size(b)]);
        return b;
    }

    private void assertLoadRefuses(Path damaged) {
        assertThatThrownBy(() -> resolver().resolve(spec, null)).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("dataset toy: cached file " + damaged + " is damaged: sha256 ")
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("dlforge data fetch toy --force")
                        .contains(dir.resolve("toy").toString()));
    }

    @Test
    void zerosOfTheSameSizeWithTheOldMtimeRestoredAreRefused() throws Exception {
        FileTime before = Files.getLastModifiedTime(resolver().resolve(spec, null).resolve("b.txt"));
        Path b = fetchedThenZeroed();
        Files.setLastModifiedTime(b, before);
        assertLoadRefuses(b);
        assertThat(resolver().verify(spec, true).mismatches()).extracting(DatasetChecksums.FileCheck::name).containsExactly("b.txt");
    }

    @Test
    void zerosOfTheSameSizeWithANewMtimeAreRefused() throws Exception {
        Path b = fetchedThenZeroed();
        Files.setLastModifiedTime(b, FileTime.from(Files.getLastModifiedTime(b).toInstant().plus(Duration.ofHours(1))));
        assertLoadRefuses(b);
    }

    @Test
    void aFileOfAnotherSizeIsRefusedNamingBothSizes() throws Exception {
        Path b = resolver().resolve(spec, null).resolve("b.txt");
        Files.writeString(b, "short");
        assertThatThrownBy(() -> resolver().resolve(spec, null)).hasMessageContaining(b + " is damaged: is 5 bytes, 16 when fetched");
    }

    @Test
    void unchangedSizeAndTimesAreTrustedWithoutHashing() throws Exception {
        resolver().resolve(spec, null);
        // A wrong sum in the manifest goes unnoticed while size and times match: proof that nothing was hashed...
        Path manifest = dir.resolve("toy").resolve(DatasetResolver.MANIFEST);
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(manifest.toFile());
        ((ObjectNode) json.get("files").get("a.gz")).put("sha256", "0".repeat(64));
        Files.writeString(manifest, Json.write(json));
        assertThat(resolver().resolve(spec, null)).isEqualTo(dir.resolve("toy"));
        // ...which data verify, hashing everything, does notice.
        assertThat(resolver().verify(spec, true).mismatches()).extracting(DatasetChecksums.FileCheck::name).containsExactly("a.gz");
    }

    @Test
    void aManifestOfAnOlderVersionWithoutTimesIsHashedOnceAndThenStamped() throws Exception {
        resolver().resolve(spec, null);
        Path manifest = dir.resolve("toy").resolve(DatasetResolver.MANIFEST);
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(manifest.toFile());
        json.get("files").forEach(f -> ((ObjectNode) f).remove(List.of("modified", "changed")));
        Files.writeString(manifest, Json.write(json));
        assertThat(resolver().manifest(spec).orElseThrow().files().get("a.gz").modified()).isNull();

        assertThat(resolver().resolve(spec, null)).isEqualTo(dir.resolve("toy"));
        assertThat(resolver().manifest(spec).orElseThrow().files().get("a.gz").modified()).isNotNull();

        Files.writeString(manifest, Json.write(json));
        Path b = dir.resolve("toy").resolve("b.txt");
        Files.write(b, new byte[(int) Files.size(b)]);
        assertLoadRefuses(b);
    }

    @Test
    void filesInASubfolderAreCheckedUnderTheirRelativePathAndUnderTheBareNamesOlderManifestsUsed() throws Exception {
        DataSource nested = new DataSource() {
            @Override
            public String describe() {
                return "nested source";
            }

            @Override
            public void fetchInto(Path target) throws java.io.IOException {
                Files.writeString(Files.createDirectories(target.resolve("sub")).resolve("c.txt"), "content of c");
            }
        };
        DatasetSpec deep = new DatasetSpec("deep", "Deep", "one nested file", "MIT", "https://example.org", List.of("sub/c.txt"),
                List.of(nested));
        Path cached = resolver().resolve(deep, null);
        assertThat(resolver().manifest(deep).orElseThrow().files()).containsOnlyKeys("sub/c.txt");

        Path manifest = cached.resolve(DatasetResolver.MANIFEST);
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(manifest.toFile());
        ObjectNode files = (ObjectNode) json.get("files");
        files.set("c.txt", files.remove("sub/c.txt")); // as dlforge 0b28e13 wrote it
        Files.writeString(manifest, Json.write(json));
        assertThat(resolver().resolve(deep, null)).isEqualTo(cached);

        Thread.sleep(50);
        Files.writeString(cached.resolve("sub/c.txt"), "zzzzzzzzzzzz");
        assertThatThrownBy(() -> resolver().resolve(deep, null)).hasMessageContaining(cached.resolve("sub/c.txt") + " is damaged");
    }

    @Test
    void fetchWithReplaceRestoresADamagedCopy() throws Exception {
        Path b = fetchedThenZeroed();
        resolver().fetch(spec, true);
        assertThat(source.calls).hasValue(2);
        assertThat(Files.readString(b)).isEqualTo("content of b.txt");
        assertThat(resolver().resolve(spec, null)).isEqualTo(dir.resolve("toy"));
        try (var entries = Files.list(dir)) {
            assertThat(entries).as("no partial folders left").containsExactly(dir.resolve("toy"));
        }
    }
}
