package dev.dlforge.core.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.metrics.ConfusionMatrix;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
    @TempDir
    Path dir;

    @Test
    void curvesSkipMissingPointsAndWriteAPng() throws Exception {
        Path png = dir.resolve("loss.png");
        new CurvePlot("loss", "epoch", "loss").x(new double[] {1, 2, 3})
                .series("train", new double[] {1.0, 0.5, 0.25}).series("validation", new double[] {Double.NaN, 0.6, 0.4})
                .save(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(720);
    }

    @Test
    void confusionMatrixShadesTheDiagonal() throws Exception {
        Path png = dir.resolve("cm.png");
        ConfusionMatrix m = ConfusionMatrix.of(2, new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 0});
        ConfusionMatrixPlot.save(m, List.of("cat", "dog"), "test", png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isGreaterThan(200);
        // Cell (0, 0) is all of its row: a dark blue, not white.
        Color cell = new Color(img.getRGB(130 + 5, 150 + 5));
        assertThat(cell.getBlue()).isGreaterThan(cell.getRed());
    }

    @Test
    void gridLaysTilesOutInRows() throws Exception {
        Path png = dir.resolve("grid.png");
        BufferedImage tile = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        List<ImageGrid.Tile> tiles = java.util.Collections.nCopies(5, new ImageGrid.Tile(tile, null, null));
        ImageGrid.save(tiles, 2, 10, null, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getHeight()).isEqualTo(4 + 3 * (40 + 8) + 4);
    }
}
