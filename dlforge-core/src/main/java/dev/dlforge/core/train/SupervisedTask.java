package dev.dlforge.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.dlforge.core.optim.Optimizer;
import dev.dlforge.core.optim.ParameterUpdate;
import dev.dlforge.core.optim.TrainableParameters;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One network, one loss, one optimiser: predictions = block(inputs), minimise loss(labels, predictions). */
public final class SupervisedTask implements TrainingTask {
    private final Block block;
    private final Loss loss;
    private final ParameterUpdate update;
    private final List<BatchMetric> metrics;
    private final ParameterStore parameterStore;

    public SupervisedTask(Block block, TrainableParameters params, Loss loss, Optimizer optimizer,
            List<BatchMetric> metrics, double gradientClipNorm, NDManager manager) {
        this.block = block;
        this.loss = loss;
        this.update = new ParameterUpdate(block, params, optimizer, gradientClipNorm);
        this.metrics = List.copyOf(metrics);
        this.parameterStore = new ParameterStore(manager, false);
    }

    @Override
    public StepResult trainStep(Batch batch, double learningRate) {
        ParameterUpdate.Pass<NDList> pass = update.step(learningRate, () -> {
            NDList predictions = block.forward(parameterStore, batch.inputs(), true);
            return new ParameterUpdate.Pass<>(predictions, loss.evaluate(batch.labels(), predictions));
        });
        return result(batch, pass.output(), pass.loss());
    }

    @Override
    public StepResult evalStep(Batch batch) {
        NDList predictions = block.forward(parameterStore, batch.inputs(), false);
        return result(batch, predictions, loss.evaluate(batch.labels(), predictions));
    }

    private StepResult result(Batch batch, NDList predictions, NDArray lossValue) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", (double) lossValue.getFloat());
        for (BatchMetric m : metrics) {
            values.put(m.name(), m.compute(batch.labels(), predictions));
        }
        return new StepResult(batch.size(), values);
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
