package dev.dlforge.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetWhole() throws IOException {
        Path file = dir.resolve("a.txt");
        AtomicFiles.writeString(file, "first");
        AtomicFiles.writeString(file, "second");
        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(listing(dir)).containsExactly(file);
    }

    @Test
    void failedWriteLeavesThePreviousContentAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("a.txt");
        AtomicFiles.writeString(file, "good");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of a new ver".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("good");
        assertThat(listing(dir)).containsExactly(file);
    }

    @Test
    void writerMayCloseTheStreamItIsGiven() throws IOException {
        Path file = dir.resolve("z.bin");
        AtomicFiles.write(file, out -> {
            try (var zip = new java.util.zip.ZipOutputStream(out)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("x"));
                zip.write(1);
            }
        });
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            assertThat(zip.getEntry("x")).isNotNull();
        }
    }

    @Test
    void leftoversOfKilledWritersAreRemoved() throws IOException {
        Files.writeString(dir.resolve("x.ckpt.123" + AtomicFiles.TEMP_SUFFIX), "torn");
        Files.writeString(dir.resolve("keep.txt"), "ok");
        AtomicFiles.deleteLeftovers(dir);
        assertThat(listing(dir)).containsExactly(dir.resolve("keep.txt"));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
