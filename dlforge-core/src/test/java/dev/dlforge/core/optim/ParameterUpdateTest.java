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
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.model.Weights;
import dev.dlforge.core.testing.TestBlocks;
import dev.dlforge.core.testing.TwoBlobs;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.SupervisedTask;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterUpdateTest {
    /** grad(w) of loss = sum(w · G) is G exactly; |G| = 5. */
    private static final float[] G = {3f, -4f, 0f};

    /** One step at rate 1 of plain SGD on loss = sum(w · G), from w = (0.5, -0.25, 1); returns w after it. */
    private static float[] sgdStepOnLinear(double clipNorm) {
        try (NDManager m = Engines.newManager()) {
            Block lin = Linear.builder().setUnits(1).optBias(false).build();
            lin.initialize(m, DataType.FLOAT32, new Shape(1, G.length));
            NDArray w = lin.getParameters().get(0).getValue().getArray();
            w.set(new float[] {0.5f, -0.25f, 1.0f});
            TrainableParameters params = TrainableParameters.of(lin);
            ParameterUpdate update = new ParameterUpdate(lin, params, new Sgd(params, new Sgd.Config(0f, 0f)), clipNorm);
            ParameterStore store = new ParameterStore(m, false);
            try (NDManager step = m.newSubManager()) {
                ParameterUpdate.Pass<NDArray> pass = update.step(1.0, () -> {
                    NDArray out = lin.forward(store, new NDList(step.create(G, new Shape(1, G.length))), true).head();
                    return new ParameterUpdate.Pass<>(out, out.sum());
                });
                assertThat(pass.loss().getFloat()).as("the pass comes back").isCloseTo(0.5f * 3 + 0.25f * 4, within(1e-6f));
            }
            return w.toFloatArray();
        }
    }

    @Test
    void clipsTheGradientToTheNormBeforeTheUpdate() {
        // w <- w - lr * g * min(1, c / |g|): |g| = 5, so c = 2.5 halves the step and c = 10 leaves it whole.
        assertThat(sgdStepOnLinear(2.5)).containsExactly(new float[] {0.5f - 1.5f, -0.25f + 2f, 1f}, within(1e-6f));
        assertThat(sgdStepOnLinear(10)).containsExactly(new float[] {0.5f - 3f, -0.25f + 4f, 1f}, within(1e-6f));
        assertThat(sgdStepOnLinear(0)).as("0: not clipped").containsExactly(new float[] {0.5f - 3f, -0.25f + 4f, 1f}, within(1e-6f));
    }

    /** A trained MLP whose Adam moments are not zero, its task and the state layout of checkpoints before issue 14. */
    private record Trained(NDManager manager, Block block, Adam adam, SupervisedTask task) implements AutoCloseable {
        static Trained create(long seed, int steps) {
            NDManager m = Engines.newManager();
            Block block = TestBlocks.mlp(m, 8, 16, 2, seed);
            TrainableParameters params = TrainableParameters.of(block);
            Adam adam = new Adam(params, Adam.Config.defaults());
            SupervisedTask task = new SupervisedTask(block, params, Loss.softmaxCrossEntropyLoss(), adam, List.of(), 1.0, m);
            TwoBlobs data = new TwoBlobs(8, 16, steps, 2);
            for (int i = 0; i < steps; i++) {
                try (NDManager batchManager = m.newSubManager()) {
                    Batch batch = data.batch(0, i, batchManager);
                    task.trainStep(batch, 0.01);
                }
            }
            return new Trained(m, block, adam, task);
        }

        /** The task's state as main wrote it before the step was shared: the block's weights, then Adam's state. */
        byte[] legacyState() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                Weights.write(block, out);
                adam.writeState(out);
            }
            return bytes.toByteArray();
        }

        byte[] taskState() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                task.writeState(out);
            }
            return bytes.toByteArray();
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    @Test
    void taskStateHasTheLayoutOfEarlierCheckpoints() throws IOException {
        try (Trained trained = Trained.create(4, 3)) {
            assertThat(trained.taskState()).isEqualTo(trained.legacyState());
        }
    }

    @Test
    void readsStateWrittenWithTheEarlierLayout() throws IOException {
        try (Trained trained = Trained.create(4, 3); Trained fresh = Trained.create(9, 0)) {
            byte[] legacy = trained.legacyState();
            fresh.task().readState(new DataInputStream(new ByteArrayInputStream(legacy)));
            assertThat(TestBlocks.flatWeights(fresh.block())).isEqualTo(TestBlocks.flatWeights(trained.block()));
            assertThat(fresh.adam().steps()).isEqualTo(3);
            assertThat(fresh.taskState()).as("moments and step count restored too").isEqualTo(legacy);
            assertThat(nextLoss(fresh)).as("training continues alike").isEqualTo(nextLoss(trained));
            assertThat(TestBlocks.flatWeights(fresh.block())).isEqualTo(TestBlocks.flatWeights(trained.block()));
        }
    }

    @Test
    void stateItWritesReadsWithTheEarlierLayout() throws IOException {
        try (Trained trained = Trained.create(4, 3); Trained fresh = Trained.create(9, 0)) {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(trained.taskState()));
            Weights.read(fresh.block(), in);
            fresh.adam().readState(in);
            assertThat(in.read()).as("nothing left over").isEqualTo(-1);
            assertThat(nextLoss(fresh)).isEqualTo(nextLoss(trained));
            assertThat(TestBlocks.flatWeights(fresh.block())).isEqualTo(TestBlocks.flatWeights(trained.block()));
        }
    }

    /** The loss of one more training step on a batch neither run has seen. */
    private static double nextLoss(Trained t) {
        try (NDManager batchManager = t.manager().newSubManager()) {
            Engines.seed(17); // the dropout mask
            return t.task().trainStep(new TwoBlobs(8, 16, 1, 77).batch(0, 0, batchManager), 0.01).values().get("loss");
        }
    }
}
