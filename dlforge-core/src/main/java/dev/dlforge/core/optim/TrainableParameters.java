package dev.dlforge.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters a block learns, in a stable order and under stable names (the block's parameter
 * paths, e.g. {@code 01Conv2d_weight}); DJL's parameter ids are random per process, so optimiser
 * state is keyed by these names to survive a checkpoint.
 */
public final class TrainableParameters {
    /** One learned tensor and its name. */
    public record Entry(String name, Parameter parameter) {
        public NDArray array() {
            return parameter.getArray();
        }
    }

    private final List<Entry> entries;

    private TrainableParameters(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Collects the parameters of an initialised block that take gradients, and turns gradients on. */
    public static TrainableParameters of(Block block) {
        List<Entry> entries = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
                entries.add(new Entry(p.getKey(), p.getValue()));
            }
        }
        return new TrainableParameters(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Number of learned scalars. */
    public long count() {
        long n = 0;
        for (Entry e : entries) {
            n += e.array().getShape().size();
        }
        return n;
    }

    /** The L2 norm of all gradients taken together: sqrt(sum over parameters of |g|^2). */
    public double gradientNorm() {
        double sumOfSquares = 0;
        for (Entry e : entries) {
            // Every intermediate is closed: results of ops on a parameter's gradient belong to the
            // parameter's long-lived manager and would otherwise pile up, one set per step.
            try (NDArray g = e.array().getGradient(); NDArray sq = g.square(); NDArray sum = sq.sum()) {
                sumOfSquares += sum.getFloat();
            }
        }
        return Math.sqrt(sumOfSquares);
    }

    /**
     * The factor that clips the gradients' global norm to {@code maxNorm} (Pascanu et al., 2013):
     * min(1, maxNorm / |g|); 1 when {@code maxNorm} is 0 (no clipping). Pass it to
     * {@link Optimizer#step} as the gradient scale.
     */
    public float clipScale(double maxNorm) {
        if (maxNorm <= 0) {
            return 1f;
        }
        double norm = gradientNorm();
        return norm > maxNorm ? (float) (maxNorm / norm) : 1f;
    }
}
