package dev.dlforge.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.engine.Engines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

/** The engine's fused updates, checked against the textbook formulas computed in plain Java. */
class AdamTest {

    /** Runs {@code steps} updates of a 1-unit linear layer on loss = sum(w * g) so that grad(w) = g exactly. */
    private static float[][] run(Optimizer.Factory factory, float[] g, int steps, double lr, float scale) {
        try (NDManager m = Engines.newManager()) {
            Block lin = Linear.builder().setUnits(1).optBias(false).build();
            lin.initialize(m, DataType.FLOAT32, new Shape(1, g.length));
            NDArray w = lin.getParameters().get(0).getValue().getArray();
            w.set(new float[] {0.5f, -0.25f, 1.0f});
            TrainableParameters params = TrainableParameters.of(lin);
            Optimizer opt = factory.create(params);
            float[][] trajectory = new float[steps][];
            ParameterStore store = new ParameterStore(m, false);
            for (int t = 0; t < steps; t++) {
                try (NDManager step = m.newSubManager()) {
                    try (GradientCollector gc = Engines.get().newGradientCollector()) {
                        NDArray out = lin.forward(store, new NDList(step.create(g, new Shape(1, g.length))), true).head();
                        gc.backward(out.sum());
                    }
                    opt.step(lr, scale);
                }
                trajectory[t] = w.toFloatArray();
            }
            return trajectory;
        }
    }

    @Test
    void adamMatchesReferenceFormula() {
        float[] g = {0.3f, -2.0f, 0.01f};
        float[][] got = run(p -> new Adam(p, Adam.Config.defaults()), g, 3, 0.1, 1f);
        double[] w = {0.5, -0.25, 1.0};
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < 3; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double vHat = v[i] / (1 - Math.pow(0.999, t));
                w[i] -= 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
            }
            for (int i = 0; i < 3; i++) {
                assertThat((double) got[t - 1][i]).as("step %d, weight %d", t, i).isCloseTo(w[i], within(1e-5));
            }
        }
    }

    @Test
    void adamWDecaysWeightsDecoupledFromGradient() {
        float[] g = {0f, 0f, 0f};
        float[][] got = run(p -> new Adam(p, Adam.Config.adamW(0.1f)), g, 1, 0.5, 1f);
        // With zero gradient only the decay acts: w <- w - lr * wd * w.
        assertThat(got[0][0]).isCloseTo(0.5f * (1 - 0.05f), within(1e-6f));
        assertThat(got[0][2]).isCloseTo(1.0f * (1 - 0.05f), within(1e-6f));
    }

    @Test
    void matricesOnlyDecayShrinksWeightsAndSparesBiases() {
        try (NDManager m = Engines.newManager()) {
            Block lin = Linear.builder().setUnits(2).optBias(true).build();
            lin.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            NDArray weight = lin.getParameters().get("weight").getArray();  // (2, 3): a matrix
            NDArray bias = lin.getParameters().get("bias").getArray();      // (2): a vector
            weight.set(new float[] {1f, 1f, 1f, 1f, 1f, 1f});
            bias.set(new float[] {1f, 1f});
            TrainableParameters params = TrainableParameters.of(lin);
            Adam adam = new Adam(params, Adam.Config.adamW(0.1f).decayingMatricesOnly());
            try (NDManager step = m.newSubManager(); GradientCollector gc = Engines.get().newGradientCollector()) {
                NDArray out = lin.forward(new ParameterStore(m, false), new NDList(step.zeros(new Shape(1, 3))), true).head();
                gc.backward(out.sum().mul(0)); // zero gradients: only the decay can move anything
            }
            adam.step(0.5, 1f);
            assertThat(weight.toFloatArray()[0]).isCloseTo(1f - 0.5f * 0.1f, within(1e-6f));
            assertThat(bias.toFloatArray()).containsExactly(1f, 1f);
        }
    }

    @Test
    void gradientScaleMultipliesGradientsFirst() {
        float[] g = {1f, 1f, 1f};
        float[][] scaled = run(p -> new Sgd(p, new Sgd.Config(0f, 0f)), g, 1, 0.1, 0.5f);
        assertThat(scaled[0][0]).isCloseTo(0.5f - 0.1f * 0.5f, within(1e-6f));
    }

    @Test
    void sgdMomentumMatchesPyTorchFormula() {
        float[] g = {1f, -1f, 2f};
        float[][] got = run(p -> new Sgd(p, new Sgd.Config(0.9f, 0f)), g, 3, 0.1, 1f);
        double[] w = {0.5, -0.25, 1.0};
        double[] b = new double[3];
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < 3; i++) {
                b[i] = 0.9 * b[i] + g[i];
                w[i] -= 0.1 * b[i];
                assertThat((double) got[t][i]).as("step %d, weight %d", t, i).isCloseTo(w[i], within(1e-5));
            }
        }
    }

    @Test
    void stateRoundTripsByParameterName() throws Exception {
        try (NDManager m = Engines.newManager()) {
            Block lin = Linear.builder().setUnits(2).build();
            lin.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            TrainableParameters params = TrainableParameters.of(lin);
            Adam adam = new Adam(params, Adam.Config.defaults());
            ParameterStore store = new ParameterStore(m, false);
            try (GradientCollector gc = Engines.get().newGradientCollector()) {
                gc.backward(lin.forward(store, new NDList(m.ones(new Shape(1, 3))), true).head().sum());
            }
            adam.step(0.01, 1f);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            adam.writeState(new DataOutputStream(bytes));
            Adam restored = new Adam(params, Adam.Config.defaults());
            restored.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            restored.writeState(new DataOutputStream(again));
            assertThat(restored.steps()).isEqualTo(1);
            assertThat(again.toByteArray()).isEqualTo(bytes.toByteArray());
        }
    }
}
