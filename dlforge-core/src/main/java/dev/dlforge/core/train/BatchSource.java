package dev.dlforge.core.train;

import ai.djl.ndarray.NDManager;

/**
 * A dataset cut into mini-batches. Random access by (epoch, index) and deterministic: the same
 * position always yields the same batch (shuffle and augmentation derive from the seed), which
 * lets an interrupted run resume mid-epoch exactly.
 */
public interface BatchSource {

    /** Number of examples in one epoch. */
    int examples();

    /** Number of batches in one epoch. */
    int batchesPerEpoch();

    /** Builds batch {@code index} of {@code epoch}; its arrays belong to {@code manager}. */
    Batch batch(int epoch, int index, NDManager manager);
}
