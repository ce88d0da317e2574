package dev.dlforge.models.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.dlforge.core.engine.Seeds;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.BatchSource;
import java.util.SplittableRandom;

/**
 * Next-token batches from one long run of token ids, as nanoGPT samples them: each row starts at a
 * random offset i, its input is ids[i, i + T) and its target ids[i + 1, i + T + 1). Offsets derive
 * from (seed, epoch, batch), so the same position always gives the same batch and a resumed run
 * continues exactly. An "epoch" is just {@code batchesPerEpoch} draws (nanoGPT's eval interval). A
 * batch's size, and so the trainer's examples and rate, counts predicted tokens (B x T).
 */
public final class TokenWindows implements BatchSource {
    private final int[] ids;
    private final int window;
    private final int batchSize;
    private final int batchesPerEpoch;
    private final long seed;

    public TokenWindows(int[] ids, int window, int batchSize, int batchesPerEpoch, long seed) {
        if (ids.length < window + 1) {
            throw new IllegalArgumentException("need more than " + window + " tokens for windows of " + window + ", got " + ids.length);
        }
        if (batchSize < 1 || batchesPerEpoch < 1) {
            throw new IllegalArgumentException("batch size and batches per epoch must be positive");
        }
        if ((long) batchSize * window * batchesPerEpoch > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batches of " + batchSize + " x " + window + " tokens are too large; use a smaller batch size");
        }
        this.ids = ids;
        this.window = window;
        this.batchSize = batchSize;
        this.batchesPerEpoch = batchesPerEpoch;
        this.seed = seed;
    }

    @Override
    public int examples() {
        return tokensPerBatch() * batchesPerEpoch;
    }

    @Override
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** Tokens per batch: B x T predictions. */
    public int tokensPerBatch() {
        return batchSize * window;
    }

    @Override
    public Batch batch(int epoch, int index, NDManager manager) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, epoch, index));
        int[] x = new int[batchSize * window];
        int[] y = new int[batchSize * window];
        for (int row = 0; row < batchSize; row++) {
            int start = random.nextInt(ids.length - window);
            System.arraycopy(ids, start, x, row * window, window);
            System.arraycopy(ids, start + 1, y, row * window, window);
        }
        NDArray inputs = manager.create(x).reshape(batchSize, window);   // (B, T)
        NDArray targets = manager.create(y).reshape(batchSize, window);  // (B, T)
        return new Batch(new NDList(inputs), new NDList(targets), tokensPerBatch());
    }
}
