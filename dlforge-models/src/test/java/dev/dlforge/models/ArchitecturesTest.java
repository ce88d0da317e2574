package dev.dlforge.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.optim.Adam;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.BatchMetric;
import dev.dlforge.core.train.SupervisedTask;
import dev.dlforge.models.vision.MnistNet;
import dev.dlforge.models.vision.Mlp;
import dev.dlforge.models.vision.VggStyleCnn;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArchitecturesTest {

    static Stream<Arguments> networks() {
        Supplier<Block> mlp = () -> Mlp.build(1, new int[] {32, 16}, 0.2f, 10);
        Supplier<Block> cnn = () -> new VggStyleCnn(1, new int[] {8, 16}, 2, 0.25f, 32, 0.5f, 10).build();
        Supplier<Block> net = MnistNet::build;
        return Stream.of(Arguments.of("mlp", mlp), Arguments.of("vgg-style cnn", cnn), Arguments.of("pytorch mnist net", net));
    }

    private static Batch randomBatch(NDManager m, int b, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[b * 784];
        float[] y = new float[b];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextFloat();
        }
        for (int i = 0; i < b; i++) {
            y[i] = rng.nextInt(10);
        }
        return new Batch(new NDList(m.create(x, new Shape(b, 1, 28, 28))), new NDList(m.create(y)), b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void givesOneLogitPerClass(String name, Supplier<Block> factory) {
        try (NDManager m = Engines.newManager()) {
            Block block = factory.get();
            block.initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            NDArray out = block.forward(new ParameterStore(m, false), randomBatch(m, 5, 1).inputs(), false).head();
            assertThat(out.getShape()).isEqualTo(new Shape(5, 10));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void trainingStepsLeaveNoNativeArraysBehind(String name, Supplier<Block> factory) {
        try (NDManager m = Engines.newManager()) {
            Block block = factory.get();
            block.initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            TrainableParameters params = TrainableParameters.of(block);
            SupervisedTask task = new SupervisedTask(block, params, Loss.softmaxCrossEntropyLoss(),
                    new Adam(params, Adam.Config.defaults()), List.of(BatchMetric.accuracy()), 1.0, m);
            int[] live = new int[12];
            for (int step = 0; step < live.length; step++) {
                try (NDManager batch = m.newSubManager()) {
                    task.trainStep(randomBatch(batch, 8, step), 1e-3);
                    task.evalStep(randomBatch(batch, 8, 100 + step));
                }
                live[step] = m.getManagedArrays().size();
            }
            for (int step = 2; step < live.length; step++) {
                assertThat(live[step]).as("live arrays after step %d", step).isEqualTo(live[1]);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void standardizeSubtractsMeanAndDividesByStdPerChannel() {
        try (NDManager m = Engines.newManager()) {
            Standardize s = new Standardize(2);
            s.initialize(m, DataType.FLOAT32, new Shape(1, 2, 1, 2));
            s.setStatistics(new float[] {1f, -1f}, new float[] {2f, 0.5f});
            NDArray x = m.create(new float[] {3, 5, 0, 1}, new Shape(1, 2, 1, 2));
            float[] y = s.forward(new ParameterStore(m, false), new NDList(x), false).head().toFloatArray();
            assertThat(y[0]).isCloseTo(1f, within(1e-6f));   // (3 - 1) / 2
            assertThat(y[1]).isCloseTo(2f, within(1e-6f));   // (5 - 1) / 2
            assertThat(y[2]).isCloseTo(2f, within(1e-6f));   // (0 + 1) / 0.5
            assertThat(y[3]).isCloseTo(4f, within(1e-6f));   // (1 + 1) / 0.5
        }
    }
}
