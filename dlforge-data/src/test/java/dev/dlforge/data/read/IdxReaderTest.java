package dev.dlforge.data.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.image.LabeledImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {true, false})
    void readsImagesAndLabelsCompressedOrPlain(boolean gzip) throws IOException {
        IdxFiles.write(dir.resolve(gzip ? "img.gz" : "img"), IdxFiles.images(3, 2, 4), gzip);
        IdxFiles.write(dir.resolve(gzip ? "lab.gz" : "lab"), IdxFiles.labels(7, 0, 9), gzip);
        LabeledImages images = IdxImageReader.read(dir, "img.gz", "lab.gz", 10);
        assertThat(images.size()).isEqualTo(3);
        assertThat(images.height()).isEqualTo(2);
        assertThat(images.width()).isEqualTo(4);
        assertThat(images.labels()).containsExactly(7, 0, 9);
        assertThat(images.pixels()[9]).isEqualTo((byte) 9);
    }

    @Test
    void truncatedDataIsReportedWithTheMissingByteCount() throws IOException {
        byte[] full = IdxFiles.images(3, 2, 4);
        IdxFiles.write(dir.resolve("img.gz"), Arrays.copyOf(full, full.length - 5), true);
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("img.gz"), 3))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("truncated").hasMessageContaining("24 bytes");
    }

    @Test
    void truncatedGzipStreamIsReported() throws IOException {
        IdxFiles.write(dir.resolve("full.gz"), IdxFiles.images(50, 28, 28), true);
        byte[] gz = Files.readAllBytes(dir.resolve("full.gz"));
        Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("cut.gz"), 3)).isInstanceOf(DlforgeException.class).hasMessageContaining("truncated");
    }

    @Test
    void wrongMagicNumberIsRejected() throws IOException {
        Files.writeString(dir.resolve("img"), "<html>404 not found</html>");
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("img"), 3))
                .hasMessageContaining("not an unsigned-byte IDX file").hasMessageContaining("0x3C68746D");
    }

    @Test
    void labelFileGivenAsImagesIsRejected() throws IOException {
        IdxFiles.write(dir.resolve("lab"), IdxFiles.labels(1, 2), false);
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("lab"), 3)).hasMessageContaining("has 1 dimensions, expected 3");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Files.write(dir.resolve("img"), new byte[0]);
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("img"), 3)).hasMessageContaining("empty");
    }

    @Test
    void labelsThatDoNotMatchTheImagesAreRejected() throws IOException {
        IdxFiles.write(dir.resolve("img"), IdxFiles.images(3, 2, 2), false);
        IdxFiles.write(dir.resolve("lab"), IdxFiles.labels(1, 2), false);
        assertThatThrownBy(() -> IdxImageReader.read(dir, "img", "lab", 10))
                .hasMessageContaining("has 2 labels but img has 3 images");
    }

    @Test
    void labelOutOfRangeIsRejected() throws IOException {
        IdxFiles.write(dir.resolve("img"), IdxFiles.images(2, 2, 2), false);
        IdxFiles.write(dir.resolve("lab"), IdxFiles.labels(1, 12), false);
        assertThatThrownBy(() -> IdxImageReader.read(dir, "img", "lab", 10)).hasMessageContaining("label 12 at position 1");
    }
}
