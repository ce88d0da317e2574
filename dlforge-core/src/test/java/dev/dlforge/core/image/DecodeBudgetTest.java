package dev.dlforge.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Decodes share one budget of pixels, so many large images at once cannot exhaust the heap. */
class DecodeBudgetTest {
    private static final ImageLimits LIMITS = ImageLimits.defaults();

    @Test
    void aDecodeWaitsForTheBudgetThenGivesUpWithABusyError() throws Exception {
        DecodeBudget budget = new DecodeBudget(10_000, Duration.ofMillis(200));
        byte[] png = PngBytes.black(50, 50);
        try (DecodeBudget.Permit other = budget.acquire(9_000, "other.png")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> ImageFiles.decode(png, "late.png", LIMITS, budget))
                    .isInstanceOf(ImageDecodeBusyException.class)
                    .hasMessage("image late.png waited 200 ms for decode memory: other images held the whole budget of 10000 pixels");
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(150L, 2_000L);
        }
        assertThat(ImageFiles.decode(png, "late.png", LIMITS, budget).getWidth()).isEqualTo(50);
        assertThat(budget.available()).as("every permit given back").isEqualTo(10_000);
    }

    @Test
    void aDecodeThatFailsGivesItsPixelsBack() {
        DecodeBudget budget = new DecodeBudget(10_000, Duration.ZERO);
        byte[] truncatedPixels = PngBytes.headerOnly(90, 90, PngBytes.GREY); // a valid header, too few rows
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> ImageFiles.decode(truncatedPixels, "short.png", LIMITS, budget)).hasMessageContaining("short.png");
        }
        assertThat(budget.available()).isEqualTo(10_000);
    }

    @Test
    void decodesRunTogetherWithinTheBudgetAndAnImageLargerThanItDecodesAlone() throws Exception {
        DecodeBudget budget = new DecodeBudget(5_000, Duration.ofSeconds(30));
        byte[] quarter = PngBytes.black(50, 25); // 1250 pixels: four fit at once
        byte[] larger = PngBytes.black(100, 100); // 10000 pixels: takes the whole budget
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> widths = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                byte[] png = i % 5 == 0 ? larger : quarter;
                widths.add(pool.submit(() -> ImageFiles.decode(png, "many.png", LIMITS, budget).getWidth()));
            }
            for (int i = 0; i < widths.size(); i++) {
                assertThat(widths.get(i).get()).isEqualTo(i % 5 == 0 ? 100 : 50);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(budget.available()).isEqualTo(5_000);
    }

    @Test
    void theSharedBudgetIsFourMaximalImagesCappedByTheHeapButNeverBelowOne() {
        assertThat(DecodeBudget.defaultPixels(LIMITS, 3L << 30)).isEqualTo(96_000_000);
        assertThat(DecodeBudget.defaultPixels(LIMITS, 512L << 20)).isEqualTo((512L << 20) / 16);
        assertThat(DecodeBudget.defaultPixels(LIMITS, 64L << 20)).isEqualTo(24_000_000);
        assertThat(DecodeBudget.shared().pixels()).isEqualTo(DecodeBudget.defaultPixels(LIMITS, Runtime.getRuntime().maxMemory()));
    }
}
