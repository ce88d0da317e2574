package dev.dlforge.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** The attack benchmark's bombs are well-formed PNGs: they claim what they say, and the real one decodes to black. */
class BombPngsTest {
    @Test
    void theHeaderBombClaimsItsSizeInAFewDozenBytes() throws Exception {
        byte[] png = BombPngs.headerOnly(20_000);
        assertThat(png.length).isLessThan(80);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertThat(reader.getWidth(0)).isEqualTo(20_000);
            assertThat(reader.getHeight(0)).isEqualTo(20_000);
        }
    }

    @Test
    void theRealBombIsBlackAndCompressesAThousandfold() throws Exception {
        byte[] png = BombPngs.blackGrey(300);
        assertThat(png.length).isLessThan(300 * 300 / 100);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getRGB(150, 150) & 0xFFFFFF).isZero();
    }
}
