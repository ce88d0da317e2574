package dev.dlforge.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.optim.Adam;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.BatchMetric;
import dev.dlforge.core.train.SupervisedTask;
import dev.dlforge.models.text.LstmClassifier.Pooling;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LstmClassifierTest {
    private static final int GOOD = 1;
    private static final int NOT = 2;
    private static final int VOCAB = 12; // 0 pad, 1 "good", 2 "not", 3..11 fillers

    /** A sequence of 3-8 tokens holding "good" and "not" once each; label 1 when "good" comes first. */
    private static int[] sequence(Random rng, int[] label) {
        int n = 3 + rng.nextInt(6);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = 3 + rng.nextInt(VOCAB - 3);
        }
        int g = rng.nextInt(n);
        int k;
        do {
            k = rng.nextInt(n);
        } while (k == g);
        s[g] = GOOD;
        s[k] = NOT;
        label[0] = g < k ? 1 : 0;
        return s;
    }

    /** Right-padded ids (B, width) and labels. */
    private static Batch batch(NDManager m, List<int[]> sequences, int[] labels, int width) {
        float[] ids = new float[sequences.size() * width];
        float[] y = new float[sequences.size()];
        for (int r = 0; r < sequences.size(); r++) {
            int[] s = sequences.get(r);
            for (int i = 0; i < s.length; i++) {
                ids[r * width + i] = s[i];
            }
            y[r] = labels[r];
        }
        return new Batch(new NDList(m.create(ids, new Shape(sequences.size(), width))), new NDList(m.create(y)), sequences.size());
    }

    private static Batch randomBatch(NDManager m, Random rng, int size) {
        List<int[]> seqs = new ArrayList<>();
        int[] labels = new int[size];
        int[] label = new int[1];
        for (int i = 0; i < size; i++) {
            seqs.add(sequence(rng, label));
            labels[i] = label[0];
        }
        return batch(m, seqs, labels, 8);
    }

    private static LstmClassifier.Config config(Pooling pooling, float dropout) {
        return new LstmClassifier.Config(VOCAB, 16, 16, 1, true, pooling, dropout, 2);
    }

    @Test
    void learnsWhetherGoodComesBeforeNot() {
        try (NDManager m = Engines.newManager()) {
            Engines.get().setRandomSeed(7);
            LstmClassifier net = new LstmClassifier(config(Pooling.MEAN_MAX, 0.1f));
            net.initialize(m, DataType.FLOAT32, new Shape(1, 8));
            TrainableParameters params = TrainableParameters.of(net);
            SupervisedTask task = new SupervisedTask(net, params, Loss.softmaxCrossEntropyLoss(),
                    new Adam(params, Adam.Config.defaults()), List.of(BatchMetric.accuracy()), 1.0, m);
            Random rng = new Random(1);
            for (int step = 0; step < 50; step++) {
                try (NDManager b = m.newSubManager()) {
                    task.trainStep(randomBatch(b, rng, 32), 1e-2);
                }
            }
            try (NDManager b = m.newSubManager()) {
                double accuracy = task.evalStep(randomBatch(b, new Random(99), 500)).values().get("accuracy");
                System.out.println("held-out accuracy " + accuracy);
                assertThat(accuracy).as("held-out accuracy; chance is 0.5").isGreaterThan(0.95);
            }
        }
    }

    @Test
    void paddingChangesNoOutputForAnyPooling() {
        for (Pooling pooling : Pooling.values()) {
            try (NDManager m = Engines.newManager()) {
                LstmClassifier net = new LstmClassifier(config(pooling, 0.5f));
                net.initialize(m, DataType.FLOAT32, new Shape(1, 8));
                Random rng = new Random(3);
                List<int[]> seqs = new ArrayList<>();
                int[] label = new int[1];
                for (int i = 0; i < 6; i++) {
                    seqs.add(sequence(rng, label));
                }
                int[] labels = new int[seqs.size()];
                ParameterStore store = new ParameterStore(m, false);
                float[] tight = net.forward(store, batch(m, seqs, labels, 8).inputs(), false).head().toFloatArray();
                float[] padded = net.forward(store, batch(m, seqs, labels, 40).inputs(), false).head().toFloatArray();
                float[] alone = net.forward(store, batch(m, seqs.subList(0, 1), new int[1], seqs.get(0).length).inputs(), false)
                        .head().toFloatArray();
                for (int i = 0; i < tight.length; i++) {
                    assertThat(padded[i]).as(pooling + " logit " + i).isCloseTo(tight[i], within(1e-5f));
                }
                assertThat(alone[0]).isCloseTo(tight[0], within(1e-5f));
                assertThat(alone[1]).isCloseTo(tight[1], within(1e-5f));
            }
        }
    }

    @Test
    void anEmptyRowGivesFiniteLogitsAndEmbeddingsCanBeSet() {
        try (NDManager m = Engines.newManager()) {
            LstmClassifier net = new LstmClassifier(new LstmClassifier.Config(VOCAB, 4, 8, 1, false, Pooling.MEAN_MAX, 0f, 3));
            net.initialize(m, DataType.FLOAT32, new Shape(1, 5));
            net.setEmbeddings(new float[VOCAB * 4]);
            NDArray out = net.forward(new ParameterStore(m, false), new NDList(m.zeros(new Shape(2, 5))), false).head();
            assertThat(out.getShape()).isEqualTo(new Shape(2, 3));
            for (float v : out.toFloatArray()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
    }

    @Test
    void trainingStepsLeaveNoNativeArraysBehind() {
        try (NDManager m = Engines.newManager()) {
            LstmClassifier net = new LstmClassifier(config(Pooling.MEAN_MAX, 0.2f));
            net.initialize(m, DataType.FLOAT32, new Shape(1, 8));
            TrainableParameters params = TrainableParameters.of(net);
            SupervisedTask task = new SupervisedTask(net, params, Loss.softmaxCrossEntropyLoss(),
                    new Adam(params, Adam.Config.defaults()), List.of(BatchMetric.accuracy()), 1.0, m);
            Random rng = new Random(5);
            int[] live = new int[8];
            for (int step = 0; step < live.length; step++) {
                try (NDManager b = m.newSubManager()) {
                    task.trainStep(randomBatch(b, rng, 8), 1e-3);
                    task.evalStep(randomBatch(b, rng, 8));
                }
                live[step] = m.getManagedArrays().size();
            }
            for (int step = 2; step < live.length; step++) {
                assertThat(live[step]).as("live arrays after step %d", step).isEqualTo(live[1]);
            }
        }
    }
}
