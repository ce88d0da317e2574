package dev.dlforge.data.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.data.image.LabeledImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsSheetReaderTest {
    @TempDir
    Path dir;

    @Test
    void cutsTheSheetIntoLabelledPaddedCells() throws IOException {
        BufferedImage sheet = new BufferedImage(2000, 1000, BufferedImage.TYPE_BYTE_GRAY);
        // Mark the top-left pixel of cell (row 7, column 3) white: row 7 holds ones (rows 5-9).
        sheet.getRaster().setSample(3 * 20, 7 * 20, 0, 255);
        sheet.getRaster().setSample(3 * 20 + 1, 7 * 20, 0, 100); // an anti-aliased edge keeps its value
        Path png = dir.resolve("digits.png");
        ImageIO.write(sheet, "png", png.toFile());

        LabeledImages digits = DigitsSheetReader.read(png);
        assertThat(digits.size()).isEqualTo(5000);
        assertThat(digits.height()).isEqualTo(28);
        assertThat(digits.classCounts(10)).containsOnly(500);
        int cell = 7 * 100 + 3;
        assertThat(digits.labels()[cell]).isEqualTo(1);
        assertThat(digits.pixels()[cell * 784 + 4 * 28 + 4]).as("moved by the 4-pixel padding").isEqualTo((byte) 255);
        assertThat(digits.pixels()[cell * 784 + 4 * 28 + 5] & 0xFF).isEqualTo(100);
        assertThat(digits.pixels()[cell * 784]).isEqualTo((byte) 0);
        // The sheet is sorted by class: a quick run's sample must still hold every digit.
        assertThat(digits.sample(400, 10, 42).classCounts(10)).containsOnly(40);
    }

    @Test
    void sheetOfTheWrongSizeIsRejected() throws IOException {
        Path png = dir.resolve("digits.png");
        ImageIO.write(new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        assertThatThrownBy(() -> DigitsSheetReader.read(png)).hasMessageContaining("100x100, expected OpenCV's 2000x1000");
    }
}
