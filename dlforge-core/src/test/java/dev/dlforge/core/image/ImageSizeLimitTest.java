package dev.dlforge.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dlforge.core.DlforgeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Decompression bombs: images whose header asks for more pixels than dlforge decodes are refused before decoding. */
class ImageSizeLimitTest {
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @BeforeAll
    static void warmUp() throws Exception {
        // ImageIO's registry and the PNG reader load on first use: not what the tests below measure.
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", png);
        ImageFiles.decode(png.toByteArray(), "warm-up");
        assertThatThrownBy(() -> ImageFiles.decode(PngBytes.headerOnly(9000, 9000, PngBytes.GREY), "warm-up"));
    }

    @Test
    void aTinyPngWhoseHeaderClaims20000x20000RgbaIsRefusedFastWithoutAllocatingIt() {
        byte[] bomb = PngBytes.headerOnly(20_000, 20_000, PngBytes.RGBA);
        assertThat(bomb.length).isLessThan(100);
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();

        assertThatThrownBy(() -> ImageFiles.decode(bomb, "bomb.png"))
                .isInstanceOfSatisfying(ImageTooLargeException.class, e -> {
                    assertThat(e.width()).isEqualTo(20_000);
                    assertThat(e.height()).isEqualTo(20_000);
                    assertThat(e.limits()).isEqualTo(ImageLimits.current());
                })
                .hasMessage("image bomb.png is 20000x20000 (400.0 megapixels), over the limit of 8192 pixels a side and 24.0 megapixels in all");

        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocatedMb = (THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore) >> 20;
        assertThat(millis).as("refused from the header").isLessThan(500);
        assertThat(allocatedMb).as("MB allocated; decoding would reserve 1,600").isLessThan(4);
    }

    @Test
    void aRealBlack20000x20000PngOf400KbIsRefusedInUnderASecond() {
        byte[] png = PngBytes.black(20_000, 20_000);
        assertThat(png.length).as("a real bomb: 400 MB of pixels in a few hundred KB").isBetween(100_000, 1_000_000);
        assertThat(PngChunks.check(png, "black.png").width()).as("a valid PNG").isEqualTo(20_000);
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();

        assertThatThrownBy(() -> ImageFiles.decode(png, "black.png")).isInstanceOf(ImageTooLargeException.class);

        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(1000);
        assertThat((THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore) >> 20).as("MB allocated").isLessThan(4);
    }

    @Test
    void imagesAtTheLimitsStillDecodeAndOnePixelMoreIsRefused() {
        ImageLimits small = new ImageLimits(64, 64 * 32);
        assertThat(ImageFiles.decode(PngBytes.black(64, 32), "at.png", small).getWidth()).isEqualTo(64);
        assertThat(ImageFiles.decode(PngBytes.black(1, 64), "tall.png", small).getHeight()).isEqualTo(64);
        assertThatThrownBy(() -> ImageFiles.decode(PngBytes.black(65, 1), "wide.png", small))
                .isInstanceOf(ImageTooLargeException.class).hasMessageContaining("65x1");
        assertThatThrownBy(() -> ImageFiles.decode(PngBytes.black(64, 33), "big.png", small))
                .isInstanceOf(ImageTooLargeException.class).hasMessageContaining("over the limit of 64 pixels a side and 2048 pixels in all");

        // The defaults admit a 24 MP camera frame, a full-width strip and OpenCV's 2000x1000 digits sheet.
        assertThat(ImageFiles.decode(PngBytes.black(6000, 4000), "camera.png").getHeight()).isEqualTo(4000);
        assertThat(ImageFiles.decode(PngBytes.black(8192, 1), "strip.png").getWidth()).isEqualTo(8192);
        assertThat(ImageFiles.decode(PngBytes.black(2000, 1000), "digits.png").getWidth()).isEqualTo(2000);
        assertThatThrownBy(() -> ImageFiles.decode(PngBytes.black(8193, 1), "strip.png")).isInstanceOf(ImageTooLargeException.class);
        assertThatThrownBy(() -> ImageFiles.decode(PngBytes.black(6000, 4001), "camera.png")).isInstanceOf(ImageTooLargeException.class);
    }

    @Test
    void theLimitsComeFromSystemPropertiesAndABadValueIsNamed() {
        assertThat(ImageLimits.current()).isEqualTo(ImageLimits.defaults()).isEqualTo(new ImageLimits(8192, 24_000_000));
        try {
            System.setProperty(ImageLimits.PIXELS_PROPERTY, "1_000");
            System.setProperty(ImageLimits.SIDE_PROPERTY, "100");
            assertThat(ImageLimits.current()).isEqualTo(new ImageLimits(100, 1000));
            assertThatThrownBy(() -> ImageFiles.decode(PngBytes.black(40, 40), "photo.png"))
                    .isInstanceOf(ImageTooLargeException.class).hasMessageContaining("over the limit of 100 pixels a side");
            System.setProperty(ImageLimits.PIXELS_PROPERTY, "lots");
            assertThatThrownBy(ImageLimits::current).isInstanceOf(DlforgeException.class)
                    .hasMessage("dlforge.image.maxPixels='lots' is not a positive whole number");
        } finally {
            System.clearProperty(ImageLimits.PIXELS_PROPERTY);
            System.clearProperty(ImageLimits.SIDE_PROPERTY);
        }
    }

    @Test
    void runningOutOfMemoryWhileDecodingIsAnImageTooLargeErrorAndTheProcessGoesOn() {
        // 16-bit RGBA: 8 bytes a pixel, so 23000x23000 asks for one 4.2 GB array, more than the test heap.
        int side = 23_000;
        assumeTrue(Runtime.getRuntime().maxMemory() < 8L * side * side, "needs a heap smaller than 4.2 GB");
        byte[] png = PngBytes.headerOnly(side, side, PngBytes.RGBA);
        ByteBuffer.wrap(png, 8 + 8 + 8, 1).put((byte) 16); // bit depth 16
        PngBytes.fixCrc(png, 8);
        ImageLimits generous = new ImageLimits(side, (long) side * side);

        assertThatThrownBy(() -> ImageFiles.decode(png, "huge.png", generous, new DecodeBudget(1L << 30, Duration.ZERO)))
                .isInstanceOf(ImageTooLargeException.class).hasMessageContaining("too large for the memory available");
        assertThat(ImageFiles.decode(PngBytes.black(10, 10), "next.png").getWidth()).isEqualTo(10);
    }
}
