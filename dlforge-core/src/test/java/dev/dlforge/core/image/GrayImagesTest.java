package dev.dlforge.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mid-greys keep their stored value everywhere: Java's linear-grey conversion would turn 128 into 188. */
class GrayImagesTest {
    @TempDir
    Path dir;

    @Test
    void aGreyPngReadsAsItsStoredSamples() throws Exception {
        BufferedImage png = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        png.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 128, 255});
        Path file = dir.resolve("grey.png");
        ImageIO.write(png, "png", file.toFile());
        assertThat(GrayImages.luminance(ImageFiles.read(file))).containsExactly(new float[] {0f, 128 / 255f, 1f}, within(1e-6f));
    }

    @Test
    void arraysRoundTripThroughImages() {
        float[] pixels = {0f, 0.25f, 0.5f, 1f};
        float[] back = GrayImages.luminance(GrayImages.toImage(pixels, 0, 2, 2, 0, 1));
        assertThat(back).containsExactly(pixels, within(0.5f / 255 + 1e-6f));
        byte[] raw = {0, 64, (byte) 128, (byte) 255};
        assertThat(GrayImages.luminance(GrayImages.fromBytes(raw, 0, 2, 2))).containsExactly(new float[] {0f, 64 / 255f, 128 / 255f, 1f}, within(1e-6f));
    }

    @Test
    void greyTilesDrawnOnColourPlotsKeepTheirValue() {
        BufferedImage canvas = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.drawImage(GrayImages.fromBytes(new byte[] {(byte) 128, (byte) 128, (byte) 128, (byte) 128}, 0, 2, 2), 0, 0, null);
        g.dispose();
        assertThat(canvas.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x808080);
    }

    @Test
    void modelInputsKeepMidGreys() {
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 8; y < 20; y++) {
            for (int x = 8; x < 20; x++) {
                img.getRaster().setSample(x, y, 0, 128);
            }
        }
        float[] p = new ImageInput(28).toPixels(img);
        assertThat(p[14 * 28 + 14]).isCloseTo(128 / 255f, within(1.5f / 255));
    }
}
