package dev.dlforge.core.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What one step of learning does; {@link Trainer} runs the loop around it. A classifier uses
 * {@link SupervisedTask}; models with several networks or losses (GANs, VAEs) implement their own.
 */
public interface TrainingTask {

    /** Forward, loss, backward and one optimiser update at {@code learningRate}. */
    StepResult trainStep(Batch batch, double learningRate);

    /** Forward in inference mode and the same metrics, without updating anything. */
    StepResult evalStep(Batch batch);

    /** Weights and optimiser state, for a checkpoint. */
    void writeState(DataOutputStream out) throws IOException;

    void readState(DataInputStream in) throws IOException;
}
