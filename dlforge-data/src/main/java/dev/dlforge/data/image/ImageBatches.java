package dev.dlforge.data.image;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.dlforge.core.engine.Seeds;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.BatchSource;
import java.util.List;
import java.util.Random;

/**
 * Mini-batches of labelled images as model inputs: pixels scaled to [0, 1] as (B, C, H, W) floats,
 * labels as (B) floats.
 *
 * <p>For training, every epoch visits the images in a fresh order (a shuffle seeded by seed and
 * epoch), applies the augmentations with a generator seeded by (seed, epoch, batch), and leaves out
 * the last incomplete batch (batch statistics need several examples; the next epoch's order covers
 * those images). For evaluation the order is fixed, nothing is augmented and every image is used.
 */
public final class ImageBatches implements BatchSource {
    private final LabeledImages images;
    private final int batchSize;
    private final boolean training;
    private final long seed;
    private final List<Augmentation> augmentations;
    private int orderEpoch = -1;
    private int[] order;

    private ImageBatches(LabeledImages images, int batchSize, boolean training, long seed, List<Augmentation> augmentations) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (images.size() == 0) {
            throw new IllegalArgumentException("no images to make batches of");
        }
        this.images = images;
        this.batchSize = batchSize;
        this.training = training;
        this.seed = seed;
        this.augmentations = List.copyOf(augmentations);
    }

    public static ImageBatches training(LabeledImages images, int batchSize, long seed, List<Augmentation> augmentations) {
        return new ImageBatches(images, batchSize, true, seed, augmentations);
    }

    public static ImageBatches evaluation(LabeledImages images, int batchSize) {
        return new ImageBatches(images, batchSize, false, 0, List.of());
    }

    public LabeledImages images() {
        return images;
    }

    @Override
    public int examples() {
        return training ? batchesPerEpoch() * Math.min(batchSize, images.size()) : images.size();
    }

    @Override
    public int batchesPerEpoch() {
        int n = images.size();
        if (training) {
            return Math.max(1, n / batchSize);
        }
        return (n + batchSize - 1) / batchSize;
    }

    @Override
    public Batch batch(int epoch, int index, NDManager manager) {
        int n = images.size();
        int start = index * batchSize;
        int count = Math.min(batchSize, n - start);
        int size = images.imageSize();
        int[] ord = training ? order(epoch) : null;
        Random rng = training ? new Random(Seeds.mix(seed, epoch, index)) : null;
        float[] x = new float[count * size];
        float[] y = new float[count];
        byte[] pixels = images.pixels();
        for (int i = 0; i < count; i++) {
            int src = ord == null ? start + i : ord[start + i];
            int srcOffset = src * size;
            int dst = i * size;
            for (int p = 0; p < size; p++) {
                x[dst + p] = (pixels[srcOffset + p] & 0xFF) * (1f / 255f);
            }
            for (Augmentation a : augmentations) {
                a.apply(x, dst, images.channels(), images.height(), images.width(), rng);
            }
            y[i] = images.labels()[src];
        }
        Shape shape = new Shape(count, images.channels(), images.height(), images.width());
        return new Batch(new NDList(manager.create(x, shape)), new NDList(manager.create(y)), count);
    }

    /** The permutation for {@code epoch}, computed once per epoch. */
    private int[] order(int epoch) {
        if (epoch != orderEpoch) {
            int n = images.size();
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Random rng = new Random(Seeds.mix(seed, epoch));
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            orderEpoch = epoch;
        }
        return order;
    }
}
