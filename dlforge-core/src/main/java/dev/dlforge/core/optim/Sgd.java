package dev.dlforge.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, as PyTorch's {@code torch.optim.SGD}:
 *
 * <pre>
 *   g = g + wd w      b = mu b + g      w = w - lr b
 * </pre>
 */
public final class Sgd implements Optimizer {

    /** Hyper-parameters. */
    public record Config(float momentum, float weightDecay) {
        public static Config defaults() {
            return new Config(0.9f, 0f);
        }
    }

    private final TrainableParameters params;
    private final Config config;
    private final OptimizerState velocity = new OptimizerState(1);
    private long steps;

    public Sgd(TrainableParameters params, Config config) {
        this.params = params;
        this.config = config;
    }

    @Override
    public void step(double learningRate, float gradientScale) {
        steps++;
        for (TrainableParameters.Entry e : params.entries()) {
            NDArray weight = e.array();
            try (NDArray grad = weight.getGradient()) {
                NDList inputs = config.momentum == 0
                        ? new NDList(weight, grad)
                        : new NDList(weight, grad, velocity.of(e)[0]);
                weight.getNDArrayInternal().sgdUpdate(inputs, new NDList(weight), (float) learningRate,
                        config.weightDecay, gradientScale, -1f, config.momentum, true);
            }
        }
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        if (config.momentum != 0) {
            velocity.write(out, params);
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        steps = in.readLong();
        if (config.momentum != 0) {
            velocity.read(in, params);
        }
    }
}
