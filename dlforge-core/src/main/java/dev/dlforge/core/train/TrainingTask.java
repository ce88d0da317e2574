package dev.dlforge.core.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * What one step of learning does; {@link Trainer} runs the loop around it. A classifier uses
 * {@link SupervisedTask}; models with several networks or losses (GANs, VAEs) implement their own.
 */
public interface TrainingTask {

    /** Forward, loss, backward and one optimiser update at {@code learningRate}. */
    StepResult trainStep(Batch batch, double learningRate);

    /** Forward in inference mode and the same metrics, without updating anything. */
    StepResult evalStep(Batch batch);

    /**
     * Epoch metrics that are functions of the epoch's means rather than means themselves, added to the
     * epoch's record: a language model's perplexity exp(mean cross-entropy), for instance. None by default.
     *
     * @param epochMeans {@code train_*} and {@code val_*} means of the finished epoch
     */
    default Map<String, Double> derivedMetrics(Map<String, Double> epochMeans) {
        return Map.of();
    }

    /** Weights and optimiser state, for a checkpoint. */
    void writeState(DataOutputStream out) throws IOException;

    void readState(DataInputStream in) throws IOException;
}
