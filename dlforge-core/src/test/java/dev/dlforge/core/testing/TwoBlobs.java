package dev.dlforge.core.testing;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.dlforge.core.engine.Seeds;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.BatchSource;
import java.util.Random;

/**
 * A synthetic two-class problem: points around (+1, +1, ...) are class 1, around (-1, -1, ...)
 * class 0, with unit noise. Deterministic in (seed, epoch, index), like real batch sources.
 */
public record TwoBlobs(int dims, int batchSize, int batches, long seed) implements BatchSource {

    @Override
    public int examples() {
        return batchSize * batches;
    }

    @Override
    public int batchesPerEpoch() {
        return batches;
    }

    @Override
    public Batch batch(int epoch, int index, NDManager manager) {
        Random rng = new Random(Seeds.mix(seed, epoch, index));
        float[] x = new float[batchSize * dims];
        float[] y = new float[batchSize];
        for (int i = 0; i < batchSize; i++) {
            int label = rng.nextInt(2);
            y[i] = label;
            for (int d = 0; d < dims; d++) {
                x[i * dims + d] = (label == 1 ? 1f : -1f) + (float) rng.nextGaussian();
            }
        }
        return new Batch(new NDList(manager.create(x, new Shape(batchSize, dims))), new NDList(manager.create(y)), batchSize);
    }
}
