package dev.dlforge.models.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.optim.Optimizer;
import dev.dlforge.core.optim.ParameterUpdate;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.StepResult;
import dev.dlforge.core.train.TrainingTask;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of language-model training: the model's logits for ids x (B, T), the mean cross-entropy
 * against the next tokens y (B, T) (y_t = x_{t+1}), backward, the gradient's L2 norm clipped to
 * {@code clipNorm}, one optimiser update. Metrics are per token ({@code loss} in nats and arg-max
 * {@code accuracy}); each epoch also records {@code train_perplexity} and {@code val_perplexity} =
 * exp(mean cross-entropy).
 */
public final class NextTokenTask implements TrainingTask {
    private final Block model;
    private final ParameterUpdate update;
    private final ParameterStore store;
    private final NextTokenLoss loss = new NextTokenLoss();

    /** {@code model} takes ids (B, T) and returns logits (B, T, V) first. */
    public NextTokenTask(Block model, TrainableParameters params, Optimizer optimizer, double clipNorm, NDManager manager) {
        this.model = model;
        this.update = new ParameterUpdate(model, params, optimizer, clipNorm);
        this.store = new ParameterStore(manager, false);
    }

    @Override
    public StepResult trainStep(Batch batch, double learningRate) {
        ParameterUpdate.Pass<NDArray> pass = update.step(learningRate, () -> {
            NDArray logits = logits(batch, true);
            return new ParameterUpdate.Pass<>(logits, loss.evaluate(batch.labels(), new NDList(logits)));
        });
        return result(batch, pass.output(), pass.loss());
    }

    @Override
    public StepResult evalStep(Batch batch) {
        NDArray logits = logits(batch, false);
        return result(batch, logits, loss.evaluate(batch.labels(), new NDList(logits)));
    }

    private NDArray logits(Batch batch, boolean training) {
        return model.forward(store, new NDList(batch.inputs().head()), training).head();      // (B, T, V)
    }

    private static StepResult result(Batch batch, NDArray logits, NDArray loss) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", (double) loss.getFloat());
        values.put("accuracy", accuracy(logits, batch.labels().head()));
        return new StepResult(batch.size(), values);
    }

    /** Share of positions whose arg-max logit, logits (B, T, V), is the target, targets (B, T). */
    public static double accuracy(NDArray logits, NDArray targets) {
        NDArray predicted = logits.argMax(-1);                                                 // (B, T)
        return predicted.eq(targets.toType(predicted.getDataType(), false)).toType(DataType.FLOAT32, false).mean().getFloat();
    }

    /** Perplexity exp(mean cross-entropy) of the epoch's training and validation tokens. */
    @Override
    public Map<String, Double> derivedMetrics(Map<String, Double> epochMeans) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String split : new String[] {"train", "val"}) {
            Double loss = epochMeans.get(split + "_loss");
            if (loss != null) {
                out.put(split + "_perplexity", Math.exp(loss));
            }
        }
        return out;
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        update.writeState(out);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        update.readState(in);
    }
}
