package dev.dlforge.core.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.metrics.ConfusionMatrix;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.BatchSource;
import java.util.Arrays;

/**
 * A classifier's predictions on every example of a source, in order: the true class, the predicted
 * class (highest score) and the softmax probabilities.
 */
public record ClassifierEvaluation(int[] truth, int[] predicted, float[][] probabilities) {

    /** Runs {@code block} in inference mode over {@code source}, one scoped manager per batch. */
    public static ClassifierEvaluation run(Block block, BatchSource source, NDManager manager) {
        int n = source.examples();
        int[] truth = new int[n];
        int[] predicted = new int[n];
        float[][] probabilities = new float[n][];
        ParameterStore store = new ParameterStore(manager, false);
        int at = 0;
        for (int b = 0; b < source.batchesPerEpoch(); b++) {
            try (NDManager batchManager = manager.newSubManager()) {
                Batch batch = source.batch(0, b, batchManager);
                NDArray logits = block.forward(store, batch.inputs(), false).head();   // (B, K)
                NDArray probs = logits.softmax(-1);
                int k = (int) probs.getShape().get(1);
                float[] p = probs.toFloatArray();
                float[] labels = batch.labels().head().toType(DataType.FLOAT32, false).toFloatArray();
                for (int i = 0; i < batch.size(); i++) {
                    float[] row = Arrays.copyOfRange(p, i * k, (i + 1) * k);
                    probabilities[at] = row;
                    truth[at] = (int) labels[i];
                    predicted[at] = argMax(row);
                    at++;
                }
            }
        }
        return new ClassifierEvaluation(truth, predicted, probabilities);
    }

    public int size() {
        return truth.length;
    }

    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            correct += truth[i] == predicted[i] ? 1 : 0;
        }
        return truth.length == 0 ? Double.NaN : correct / (double) truth.length;
    }

    public ConfusionMatrix confusion(int classes) {
        return ConfusionMatrix.of(classes, truth, predicted);
    }

    /** Index of the largest value. */
    public static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
