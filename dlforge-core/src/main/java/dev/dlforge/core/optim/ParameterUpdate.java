package dev.dlforge.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.model.Weights;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The gradient step every training task shares, and the part of a checkpoint it owns.
 *
 * <p>{@link #step}: the forward pass runs under a gradient collector, giving the loss L; backward
 * gives g = dL/dθ for every trainable parameter θ; the global norm is clipped,
 * g ← g · min(1, c / ‖g‖₂) with ‖g‖₂ = sqrt(Σ over parameters of |g|²) (no clipping when c ≤ 0;
 * Pascanu et al., 2013); then the optimiser updates θ from g at the step's learning rate and clears
 * the gradients.
 *
 * <p>State ({@link #writeState}): the block's weights ({@link Weights#write}) followed by the
 * optimiser's state ({@link Optimizer#writeState}), the layout of every checkpoint written so far.
 */
public final class ParameterUpdate {
    /** What a forward pass made: its output (predictions, logits ...) and the scalar loss to minimise. */
    public record Pass<T>(T output, NDArray loss) {}

    private final Block block;
    private final TrainableParameters params;
    private final Optimizer optimizer;
    private final double clipNorm;

    /**
     * @param block the network whose weights a checkpoint holds (all its parameters, learned or not)
     * @param params the parameters of {@code block} that {@code optimizer} updates
     * @param clipNorm c, the largest global gradient norm; 0 (or less) turns clipping off
     */
    public ParameterUpdate(Block block, TrainableParameters params, Optimizer optimizer, double clipNorm) {
        this.block = block;
        this.params = params;
        this.optimizer = optimizer;
        this.clipNorm = clipNorm;
    }

    /** Runs {@code forward} recording gradients, back-propagates its loss, clips and updates; returns the pass. */
    public <T> Pass<T> step(double learningRate, Supplier<Pass<T>> forward) {
        Pass<T> pass;
        try (GradientCollector collector = Engines.get().newGradientCollector()) {
            pass = forward.get();
            collector.backward(pass.loss());
        }
        optimizer.step(learningRate, params.clipScale(clipNorm));
        return pass;
    }

    /** Writes the block's weights, then the optimiser's state. */
    public void writeState(DataOutputStream out) throws IOException {
        Weights.write(block, out);
        optimizer.writeState(out);
    }

    /** Reads what {@link #writeState} wrote into the block and the optimiser. */
    public void readState(DataInputStream in) throws IOException {
        Weights.read(block, in);
        optimizer.readState(in);
    }
}
