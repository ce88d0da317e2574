package dev.dlforge.models.lm;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Seeds;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.BatchSource;
import java.util.Random;

/**
 * A token sequence cut into windows for truncated back-propagation through time: inputs x (B, T)
 * and targets y (B, T) with y_t = x_{t+1}. Each window starts from a zero state, so gradients (and
 * memory) never reach further back than T tokens.
 *
 * <p>Training windows do not overlap and tile the text from an offset in [0, T) drawn per epoch, so
 * each epoch sees other cuts; their order is shuffled per epoch. Both derive from (seed, epoch), so
 * a resumed run sees the same batches. Evaluation windows tile the text from its start, in order.
 * A batch's size is its number of target tokens, so epoch means are per token.
 */
public final class TiledWindows implements BatchSource {
    private final int[] tokens;
    private final int window;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final int count;

    private TiledWindows(int[] tokens, int window, int batchSize, boolean shuffle, long seed, int limit) {
        this.tokens = tokens;
        this.window = window;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        // Training needs T - 1 spare tokens for the largest offset; evaluation starts at 0.
        int usable = tokens.length - 1 - (shuffle ? window - 1 : 0);
        int n = usable / window;
        this.count = limit > 0 ? Math.min(n, limit) : n;
    }

    public static TiledWindows training(String split, int[] tokens, int window, int batchSize, long seed, int limit) {
        return checked(split, new TiledWindows(tokens, window, batchSize, true, seed, limit));
    }

    /** Windows of {@code window} tokens, or one shorter window when the text is shorter than that. */
    public static TiledWindows evaluation(String split, int[] tokens, int window, int batchSize, int limit) {
        int w = Math.max(1, Math.min(window, tokens.length - 1));
        return checked(split, new TiledWindows(tokens, w, batchSize, false, 0, limit));
    }

    private static TiledWindows checked(String split, TiledWindows w) {
        if (w.count < 1) {
            throw new DlforgeException("the " + split + " text has " + w.tokens.length + " tokens, too few for one window of "
                    + w.window + " (+1)", "use a larger corpus or --limit");
        }
        return w;
    }

    public int windows() {
        return count;
    }

    /** Target tokens in one pass. */
    public long tokens() {
        return (long) count * window;
    }

    @Override
    public int examples() {
        return count;
    }

    @Override
    public int batchesPerEpoch() {
        return (count + batchSize - 1) / batchSize;
    }

    @Override
    public Batch batch(int epoch, int index, NDManager manager) {
        int offset = 0;
        int[] order = null;
        if (shuffle) {
            Random random = new Random(Seeds.mix(seed, epoch));
            offset = random.nextInt(window);
            order = permutation(count, random);
        }
        int from = index * batchSize;
        int b = Math.min(batchSize, count - from);
        int[] x = new int[b * window];
        int[] y = new int[b * window];
        for (int r = 0; r < b; r++) {
            int w = order == null ? from + r : order[from + r];
            int start = offset + w * window;
            System.arraycopy(tokens, start, x, r * window, window);
            System.arraycopy(tokens, start + 1, y, r * window, window);
        }
        Shape shape = new Shape(b, window);
        return new Batch(new NDList(manager.create(x, shape)), new NDList(manager.create(y, shape)), b * window);
    }

    private static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
