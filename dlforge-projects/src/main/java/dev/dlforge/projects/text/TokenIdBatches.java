package dev.dlforge.projects.text;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.BatchSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Texts as padded token-id batches: inputs (B, T) int64 with T the longest text of the batch
 * (padding id 0), labels (B) floats. Training batches follow a shuffle derived from (seed, epoch),
 * so any batch can be rebuilt from its position (exact resume); evaluation batches keep the order.
 */
final class TokenIdBatches implements BatchSource {
    private final int[][] ids;
    private final int[] labels;
    private final int batchSize;
    private final Long seed;

    private TokenIdBatches(int[][] ids, int[] labels, int batchSize, Long seed) {
        this.ids = ids;
        this.labels = labels;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    static TokenIdBatches training(int[][] ids, int[] labels, int batchSize, long seed) {
        return new TokenIdBatches(ids, labels, batchSize, seed);
    }

    static TokenIdBatches evaluation(int[][] ids, int[] labels, int batchSize) {
        return new TokenIdBatches(ids, labels, batchSize, null);
    }

    @Override
    public int examples() {
        return ids.length;
    }

    @Override
    public int batchesPerEpoch() {
        return (ids.length + batchSize - 1) / batchSize;
    }

    @Override
    public Batch batch(int epoch, int index, NDManager manager) {
        List<Integer> order = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            order.add(i);
        }
        if (seed != null) {
            Collections.shuffle(order, new Random(seed * 1_000_003L + epoch));
        }
        int start = index * batchSize;
        int count = Math.min(batchSize, ids.length - start);
        int longest = 1;
        for (int b = 0; b < count; b++) {
            longest = Math.max(longest, ids[order.get(start + b)].length);
        }
        long[] x = new long[count * longest];
        float[] y = new float[count];
        for (int b = 0; b < count; b++) {
            int[] row = ids[order.get(start + b)];
            for (int t = 0; t < row.length; t++) {
                x[b * longest + t] = row[t];
            }
            y[b] = labels[order.get(start + b)];
        }
        return new Batch(new NDList(manager.create(x, new Shape(count, longest))), new NDList(manager.create(y)), count); // (B, T), (B)
    }
}
