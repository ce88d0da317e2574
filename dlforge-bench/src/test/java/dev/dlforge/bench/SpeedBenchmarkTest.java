package dev.dlforge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.data.image.LabeledImages;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The benchmark's machinery on a few steps; its numbers are only measured on demand. */
class SpeedBenchmarkTest {

    @Test
    void dlforgeSideTrainsTheNetAndReportsAThroughput() throws Exception {
        byte[] pixels = new byte[20 * 16 * 784];
        new Random(1).nextBytes(pixels);
        int[] labels = new Random(2).ints(20 * 16, 0, 10).toArray();
        double imagesPerSecond = SpeedBenchmark.dlforge(new LabeledImages(pixels, labels, 1, 28, 28),
                new SpeedBenchmark.Setup(20, 5, 16, 2, 1));
        assertThat(imagesPerSecond).isPositive().isFinite();
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertThat(SpeedBenchmark.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(SpeedBenchmark.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
