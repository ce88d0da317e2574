package dev.dlforge.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageInputTest {

    @Test
    void wholePictureFitKeepsLightOnDarkImagesAsTheyAre() {
        BufferedImage img = new BufferedImage(56, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(20, 8, 16, 12);
        g.dispose();
        float[] p = new ImageInput(28).toPixels(img);
        assertThat(p[14 * 28 + 14]).isGreaterThan(0.8f);
        assertThat(p[2 * 28 + 14]).as("letterbox above the wide picture").isEqualTo(0f);
    }
}
