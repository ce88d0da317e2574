package dev.dlforge.core.optim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Updates parameters from their gradients and clears the gradients. Its state (moments, step
 * count) is written into every checkpoint so a resumed run continues exactly.
 */
public interface Optimizer {

    /**
     * One update of every parameter.
     *
     * @param learningRate the rate for this step, from the schedule
     * @param gradientScale multiplies every gradient first (1 normally; less when clipping the norm)
     */
    void step(double learningRate, float gradientScale);

    /** Number of steps taken so far. */
    long steps();

    void writeState(DataOutputStream out) throws IOException;

    void readState(DataInputStream in) throws IOException;

    /** Makes an optimiser for a model's parameters. */
    @FunctionalInterface
    interface Factory {
        Optimizer create(TrainableParameters params);
    }
}
