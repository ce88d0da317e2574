package dev.dlforge.data.image;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.train.Batch;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageBatchesTest {

    /** n 1x2x2 images; image i has all pixels = i and label i % 3. */
    static LabeledImages numbered(int n) {
        byte[] p = new byte[n * 4];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(p, i * 4, i * 4 + 4, (byte) i);
            l[i] = i % 3;
        }
        return new LabeledImages(p, l, 1, 2, 2);
    }

    private static float[] firstPixels(Batch b) {
        float[] x = b.inputs().head().toFloatArray();
        float[] first = new float[b.size()];
        for (int i = 0; i < b.size(); i++) {
            first[i] = x[i * 4] * 255f;
        }
        return first;
    }

    @Test
    void trainingBatchesAreDeterministicPerPositionAndReshuffledPerEpoch() {
        ImageBatches batches = ImageBatches.training(numbered(10), 4, 7, List.of());
        assertThat(batches.batchesPerEpoch()).as("the incomplete last batch is left out").isEqualTo(2);
        try (NDManager m = Engines.newManager()) {
            float[] a = firstPixels(batches.batch(0, 1, m));
            float[] again = firstPixels(ImageBatches.training(numbered(10), 4, 7, List.of()).batch(0, 1, m));
            float[] nextEpoch = firstPixels(batches.batch(1, 1, m));
            assertThat(again).isEqualTo(a);
            assertThat(nextEpoch).isNotEqualTo(a);
            Set<Float> seen = new HashSet<>();
            for (int b = 0; b < 2; b++) {
                for (float v : firstPixels(batches.batch(0, b, m))) {
                    seen.add(v);
                }
            }
            assertThat(seen).as("no image twice in an epoch").hasSize(8);
        }
    }

    @Test
    void evaluationCoversEveryImageInOrderWithMatchingLabels() {
        ImageBatches batches = ImageBatches.evaluation(numbered(10), 4);
        assertThat(batches.batchesPerEpoch()).isEqualTo(3);
        try (NDManager m = Engines.newManager()) {
            Batch last = batches.batch(0, 2, m);
            assertThat(last.size()).isEqualTo(2);
            assertThat(firstPixels(last)).containsExactly(8f, 9f);
            assertThat(last.labels().head().toFloatArray()).containsExactly(2f, 0f);
            assertThat(last.inputs().head().getShape().getShape()).containsExactly(2, 1, 2, 2);
        }
    }

    @Test
    void tinyDatasetsStillMakeOneTrainingBatch() {
        assertThat(ImageBatches.training(numbered(3), 64, 1, List.of()).batchesPerEpoch()).isEqualTo(1);
    }

    @Test
    void shiftMovesPixelsAndFillsWithBackground() {
        float[] img = new float[9];
        img[4] = 1f; // centre of 3x3
        Random fixed = new Random(0) {
            private int calls;

            @Override
            public int nextInt(int bound) {
                return calls++ == 0 ? 2 : 1; // dx = +1, dy = 0 with maxPixels 1
            }
        };
        new Augmentation.RandomShift(1).apply(img, 0, 1, 3, 3, fixed);
        assertThat(img).containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 0);
    }

    @Test
    void affineWithoutRotationOrScaleIsAShift() {
        float[] img = new float[25];
        img[2 * 5 + 2] = 1f;
        Random half = new Random(0) {
            private int calls;

            @Override
            public double nextDouble() {
                // angle 0, scale 1, dx = +1 (maxShift 1), dy = 0
                return new double[] {0.5, 0.5, 1.0, 0.5}[calls++];
            }
        };
        new Augmentation.RandomAffine(10, 0.1, 1).apply(img, 0, 1, 5, 5, half);
        assertThat(img[2 * 5 + 3]).isEqualTo(1f);
        assertThat(img[2 * 5 + 2]).isEqualTo(0f);
    }

    @Test
    void affineRotationKeepsTheCentreAndMovesTheRest() {
        float[] img = new float[49];
        img[3 * 7 + 3] = 1f;      // centre
        img[3 * 7 + 6] = 0.5f;    // right edge
        Random quarterTurn = new Random(0) {
            private int calls;

            @Override
            public double nextDouble() {
                return new double[] {1.0, 0.5, 0.5, 0.5}[calls++]; // +90 degrees, scale 1, no shift
            }
        };
        new Augmentation.RandomAffine(90, 0.1, 1).apply(img, 0, 1, 7, 7, quarterTurn);
        assertThat(img[3 * 7 + 3]).isEqualTo(1f);
        assertThat(img[3 * 7 + 6]).isEqualTo(0f);
        // The right-edge pixel lands at the top or bottom of the middle column.
        assertThat(Math.max(img[3], img[6 * 7 + 3])).isCloseTo(0.5f, org.assertj.core.api.Assertions.within(1e-5f));
    }

    @Test
    void flipMirrorsEachRow() {
        float[] img = {1, 2, 3, 4, 5, 6};
        new Augmentation.HorizontalFlip(1.0).apply(img, 0, 1, 2, 3, new Random(1));
        assertThat(img).containsExactly(3, 2, 1, 6, 5, 4);
    }

    @Test
    void stratifiedSplitHoldsOutTheSameShareOfEveryClass() {
        int[] labels = new int[300];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
        }
        Splits.Split split = Splits.stratified(labels, 3, 0.2, 5);
        assertThat(split.heldOut()).hasSize(60);
        assertThat(split.kept()).hasSize(240);
        int[] perClass = new int[3];
        for (int i : split.heldOut()) {
            perClass[labels[i]]++;
        }
        assertThat(perClass).containsExactly(20, 20, 20);
        assertThat(Splits.stratified(labels, 3, 0.2, 5).heldOut()).isEqualTo(split.heldOut());
    }

    @Test
    void channelStatisticsAreMeanAndStdOfScaledPixels() {
        LabeledImages two = new LabeledImages(new byte[] {0, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255},
                new int[] {0, 1}, 1, 2, 2);
        float[][] stats = two.channelStatistics();
        assertThat(stats[0][0]).isEqualTo(0.5f);
        assertThat(stats[1][0]).isEqualTo(0.5f);
    }
}
