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
 * rounded up to a multiple of {@value #LENGTH_STEP} (padding id 0; models mask it), labels (B)
 * floats: a few dozen distinct shapes rather than one per text length. Training batches follow a shuffle derived from (seed, epoch),
 * so any batch can be rebuilt from its position (exact resume); evaluation batches keep the order.
 */
final class TokenIdBatches implements BatchSource {
    static final int LENGTH_STEP = 32;
    private final int[][] ids;
    private final int[] labels;
    private final int batchSize;
    private final Long seed;
    private int orderEpoch = -1;
    private List<Integer> order;

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
        List<Integer> order = order(epoch);
        int start = index * batchSize;
        int count = Math.min(batchSize, ids.length - start);
        int longest = 1;
        for (int b = 0; b < count; b++) {
            longest = Math.max(longest, ids[order.get(start + b)].length);
        }
        longest = (longest + LENGTH_STEP - 1) / LENGTH_STEP * LENGTH_STEP;
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

    /** The example order of {@code epoch}: shuffled by (seed, epoch) for training, as given otherwise. */
    private synchronized List<Integer> order(int epoch) {
        if (order == null || (seed != null && epoch != orderEpoch)) {
            List<Integer> o = new ArrayList<>(ids.length);
            for (int i = 0; i < ids.length; i++) {
                o.add(i);
            }
            if (seed != null) {
                Collections.shuffle(o, new Random(seed * 1_000_003L + epoch));
            }
            order = o;
            orderEpoch = epoch;
        }
        return order;
    }
}
