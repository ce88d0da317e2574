package dev.dlforge.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir
    Path dir;

    static byte[] png(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void readsAValidPng() throws IOException {
        Files.write(dir.resolve("ok.png"), png(5, 3));
        assertThat(ImageFiles.read(dir.resolve("ok.png")).getWidth()).isEqualTo(5);
    }

    @Test
    void truncatedPngIsCorrupt() throws IOException {
        byte[] full = png(64, 64);
        Files.write(dir.resolve("cut.png"), Arrays.copyOf(full, full.length / 2));
        assertThatThrownBy(() -> ImageFiles.read(dir.resolve("cut.png")))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("cut.png is corrupt or truncated");
    }

    @Test
    void pngWithGarbageAfterTheHeaderIsCorrupt() throws IOException {
        byte[] bytes = png(16, 16);
        for (int i = 40; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        Files.write(dir.resolve("bad.png"), bytes);
        assertThatThrownBy(() -> ImageFiles.read(dir.resolve("bad.png"))).isInstanceOf(DlforgeException.class).hasMessageContaining("bad.png");
    }

    @Test
    void textFileIsNotAnImage() throws IOException {
        Files.writeString(dir.resolve("notes.png"), "just text");
        assertThatThrownBy(() -> ImageFiles.read(dir.resolve("notes.png"))).hasMessageContaining("not in a format dlforge reads");
    }

    @Test
    void emptyAndMissingFilesSaySo() throws IOException {
        Files.write(dir.resolve("empty.png"), new byte[0]);
        assertThatThrownBy(() -> ImageFiles.read(dir.resolve("empty.png"))).hasMessageContaining("is empty");
        assertThatThrownBy(() -> ImageFiles.read(dir.resolve("nope.png"))).hasMessageContaining("does not exist");
    }
}
