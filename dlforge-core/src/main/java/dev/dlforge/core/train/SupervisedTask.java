package dev.dlforge.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.model.Weights;
import dev.dlforge.core.optim.Optimizer;
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
    private final Optimizer optimizer;
    private final TrainableParameters params;
    private final List<BatchMetric> metrics;
    private final double gradientClipNorm;
    private final ParameterStore parameterStore;

    public SupervisedTask(Block block, TrainableParameters params, Loss loss, Optimizer optimizer,
            List<BatchMetric> metrics, double gradientClipNorm, NDManager manager) {
        this.block = block;
        this.params = params;
        this.loss = loss;
        this.optimizer = optimizer;
        this.metrics = List.copyOf(metrics);
        this.gradientClipNorm = gradientClipNorm;
        this.parameterStore = new ParameterStore(manager, false);
    }

    @Override
    public StepResult trainStep(Batch batch, double learningRate) {
        NDList predictions;
        NDArray lossValue;
        try (GradientCollector collector = Engines.get().newGradientCollector()) {
            predictions = block.forward(parameterStore, batch.inputs(), true);
            lossValue = loss.evaluate(batch.labels(), predictions);
            collector.backward(lossValue);
        }
        optimizer.step(learningRate, params.clipScale(gradientClipNorm));
        return result(batch, predictions, lossValue);
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
        Weights.write(block, out);
        optimizer.writeState(out);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        Weights.read(block, in);
        optimizer.readState(in);
    }
}
