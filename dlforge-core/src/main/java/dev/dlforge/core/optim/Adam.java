package dev.dlforge.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Adam (Kingma and Ba, 2015), optionally with decoupled weight decay (AdamW, Loshchilov and Hutter,
 * 2019). For gradient g at step t:
 *
 * <pre>
 *   m = b1 m + (1 - b1) g          v = b2 v + (1 - b2) g^2
 *   w = w - lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)   [- lr wd w, if decoupled]
 * </pre>
 *
 * Without decoupling, weight decay is L2: wd w is added to g first. With {@code decayMatricesOnly}
 * (as GPT-2 and nanoGPT train) vectors such as biases and layer-norm gains are never decayed. Runs as
 * the engine's fused update, one native call per parameter.
 */
public final class Adam implements Optimizer {

    /** Hyper-parameters; {@link #defaults()} are the paper's. */
    public record Config(float beta1, float beta2, float epsilon, float weightDecay, boolean decoupledWeightDecay,
            boolean decayMatricesOnly) {
        public static Config defaults() {
            return new Config(0.9f, 0.999f, 1e-8f, 0f, false, false);
        }

        /** AdamW with the given decoupled weight decay. */
        public static Config adamW(float weightDecay) {
            return new Config(0.9f, 0.999f, 1e-8f, weightDecay, true, false);
        }

        /** The same with other betas. */
        public Config withBetas(float b1, float b2) {
            return new Config(b1, b2, epsilon, weightDecay, decoupledWeightDecay, decayMatricesOnly);
        }

        /** The same, decaying only parameters of two or more dimensions (weights, embeddings). */
        public Config decayingMatricesOnly() {
            return new Config(beta1, beta2, epsilon, weightDecay, decoupledWeightDecay, true);
        }
    }

    private final TrainableParameters params;
    private final Config config;
    private final OptimizerState moments = new OptimizerState(2);
    private long steps;

    public Adam(TrainableParameters params, Config config) {
        this.params = params;
        this.config = config;
    }

    @Override
    public void step(double learningRate, float gradientScale) {
        steps++;
        double biasCorrection = Math.sqrt(1 - Math.pow(config.beta2, steps)) / (1 - Math.pow(config.beta1, steps));
        float lr = (float) learningRate;
        for (TrainableParameters.Entry e : params.entries()) {
            NDArray weight = e.array();
            NDArray[] mv = moments.of(e);
            float decay = config.decayMatricesOnly && weight.getShape().dimension() < 2 ? 0f : config.weightDecay;
            // getGradient() makes a new handle owned by the weight's long-lived manager: close it
            // here or every step leaks one.
            try (NDArray grad = weight.getGradient()) {
                weight.getNDArrayInternal().adamUpdate(
                        new NDList(weight, grad, mv[0], mv[1]), new NDList(weight),
                        lr, (float) (learningRate * biasCorrection), decay, gradientScale,
                        -1f, config.beta1, config.beta2, config.epsilon, true, config.decoupledWeightDecay);
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
        moments.write(out, params);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        steps = in.readLong();
        moments.read(in, params);
    }
}
