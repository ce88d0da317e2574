package dev.dlforge.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stroke width, elastic distortion and the affine map's slant and stretch. */
class HandwritingAugmentationTest {
    private static final int SIDE = 28;

    /** Two images side by side in one array: a vertical bar (a "1") and a ring (a "0"), bright on black. */
    static float[] twoDigits() {
        float[] p = new float[2 * SIDE * SIDE];
        for (int y = 6; y < 22; y++) {
            p[y * SIDE + 13] = 1;
            p[y * SIDE + 14] = 1;
        }
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double r = Math.hypot(x - 13.5, y - 13.5);
                if (r > 6 && r < 8.5) {
                    p[SIDE * SIDE + y * SIDE + x] = 1;
                }
            }
        }
        return p;
    }

    static double ink(float[] p, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += p[i];
        }
        return s;
    }

    private static float[] applied(Augmentation a, long seed) {
        float[] p = twoDigits();
        Random rng = new Random(seed);
        a.apply(p, 0, 1, SIDE, SIDE, rng);
        a.apply(p, SIDE * SIDE, 1, SIDE, SIDE, rng);
        return p;
    }

    static List<Augmentation> all() {
        return List.of(new StrokeWidth(1.5, 0.5), new ElasticDistortion(34, 4), new Augmentation.RandomAffine(12, 0.12, 2, 0.3, 0.2));
    }

    @Test
    void eachIsDeterministicBySeedKeepsValuesInRangeAndChangesTheImage() {
        for (Augmentation a : all()) {
            float[] x = applied(a, 42);
            assertThat(applied(a, 42)).as(a + " same seed").containsExactly(x);
            assertThat(applied(a, 43)).as(a + " other seed").isNotEqualTo(x);
            assertThat(x).as(a + " changed").isNotEqualTo(twoDigits()).hasSize(2 * SIDE * SIDE);
            for (float v : x) {
                assertThat(v).as(a.toString()).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void strokeWidthThickensAndThinsWithinItsBounds() {
        double before = ink(twoDigits(), 0, SIDE * SIDE);
        float[] bolder = twoDigits();
        new StrokeWidth(1, 0).apply(bolder, 0, 1, SIDE, SIDE, new Random(1));
        float[] finer = twoDigits();
        new StrokeWidth(0, 1).apply(finer, 0, 1, SIDE, SIDE, new Random(1));
        assertThat(ink(bolder, 0, SIDE * SIDE)).isGreaterThan(before).isLessThanOrEqualTo(before * 2 + 2);
        assertThat(ink(finer, 0, SIDE * SIDE)).isLessThan(before);
        // One full dilation step of the 2-pixel bar is a 4-pixel bar, 2 pixels longer.
        float[] full = twoDigits();
        new StrokeWidth(1, 0).apply(full, 0, 1, SIDE, SIDE, new Random(0) {
            @Override
            public double nextDouble() {
                return 1;
            }
        });
        assertThat(ink(full, 0, SIDE * SIDE)).isEqualTo(16 * 4 + 2 * 2);
        assertThatThrownBy(() -> new StrokeWidth(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void elasticDistortionMovesInkWithoutCreatingOrLosingMuchOfIt() {
        float[] x = applied(new ElasticDistortion(34, 4), 5);
        double before = ink(twoDigits(), SIDE * SIDE, 2 * SIDE * SIDE);
        assertThat(ink(x, SIDE * SIDE, 2 * SIDE * SIDE)).isBetween(before * 0.7, before * 1.3);
        assertThat(applied(new ElasticDistortion(0, 4), 5)).as("alpha 0 is the identity").containsExactly(twoDigits());
    }

    @Test
    void slantLeansTheBarAndLeavesTheRowsInk() {
        float[] x = twoDigits();
        new Augmentation.RandomAffine(0, 0, 0, 0.3, 0).apply(x, 0, 1, SIDE, SIDE, new Random(0) {
            @Override
            public double nextDouble() {
                return 1; // the largest slant: x += 0.3 (y - centre)
            }
        });
        assertThat(centreX(x, 7)).isLessThan(centreX(x, 20) - 2.5);
    }

    @Test
    void withoutSlantOrStretchTheAffineMapIsExactlyTheThreeParameterOne() {
        float[] old = twoDigits();
        new Augmentation.RandomAffine(12, 0.1, 2).apply(old, 0, 1, SIDE, SIDE, new Random(9));
        float[] same = twoDigits();
        new Augmentation.RandomAffine(12, 0.1, 2, 0, 0).apply(same, 0, 1, SIDE, SIDE, new Random(9));
        assertThat(same).containsExactly(old);
    }

    private static double centreX(float[] p, int row) {
        double s = 0, sx = 0;
        for (int x = 0; x < SIDE; x++) {
            s += p[row * SIDE + x];
            sx += p[row * SIDE + x] * x;
        }
        return sx / s;
    }
}
