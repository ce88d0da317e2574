package dev.dlforge.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageInputTest {

    /** A dark bar drawn on white paper in the top-left corner of a large picture. */
    static BufferedImage inkOnPaper() {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.setColor(Color.BLACK);
        g.fillRect(20, 10, 10, 40); // a "1"
        g.dispose();
        return img;
    }

    @Test
    void darkInkOnLightPaperBecomesABrightCentredDigit() {
        float[] p = new ImageInput(28, 20).toPixels(inkOnPaper());
        assertThat(p).hasSize(784);
        assertThat(p[14 * 28 + 14]).as("the stroke lands in the middle").isGreaterThan(0.8f);
        assertThat(p[0]).as("background is black like MNIST").isLessThan(0.05f);
        double sx = 0, sy = 0, s = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                s += p[y * 28 + x];
                sx += p[y * 28 + x] * (x + 0.5);
                sy += p[y * 28 + x] * (y + 0.5);
            }
        }
        assertThat(sx / s).isBetween(13.0, 15.0);
        assertThat(sy / s).isBetween(13.0, 15.0);
        int rows = 0;
        for (int y = 0; y < 28; y++) {
            if (p[y * 28 + 14] > 0.5f) {
                rows++;
            }
        }
        assertThat(rows).as("the 40-pixel stroke is fitted into the 20-pixel box").isBetween(19, 21);
    }

    @Test
    void wholePictureFitKeepsLightOnDarkImagesAsTheyAre() {
        BufferedImage img = new BufferedImage(56, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(20, 8, 16, 12);
        g.dispose();
        float[] p = new ImageInput(28, 0).toPixels(img);
        assertThat(p[14 * 28 + 14]).isGreaterThan(0.8f);
        assertThat(p[2 * 28 + 14]).as("letterbox above the wide picture").isEqualTo(0f);
    }
}
