package dev.dlforge.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * y = (x - mean) / std per channel of a (B, C, ...) input. The statistics are stored parameters
 * (not learned), so a saved model carries the normalisation its training data needed and takes raw
 * [0, 1] pixels at inference.
 */
public final class Standardize extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int channels;
    private final Parameter mean;
    private final Parameter std;

    public Standardize(int channels) {
        super(VERSION);
        this.channels = channels;
        // RUNNING_MEAN starts at 0 and RUNNING_VAR at 1: the identity until statistics are set.
        mean = addParameter(Parameter.builder().setName("mean").setType(Parameter.Type.RUNNING_MEAN)
                .optRequiresGrad(false).optShape(new Shape(channels)).build());
        std = addParameter(Parameter.builder().setName("std").setType(Parameter.Type.RUNNING_VAR)
                .optRequiresGrad(false).optShape(new Shape(channels)).build());
    }

    /** Sets the statistics, typically measured on the training images. */
    public void setStatistics(float[] channelMean, float[] channelStd) {
        if (channelMean.length != channels || channelStd.length != channels) {
            throw new IllegalArgumentException("need " + channels + " means and stds");
        }
        mean.getArray().set(channelMean);
        std.getArray().set(channelStd);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();                                        // (B, C, ...)
        long[] broadcast = new long[x.getShape().dimension()];
        Arrays.fill(broadcast, 1);
        broadcast[1] = channels;                                          // (1, C, 1, ...)
        NDArray m = store.getValue(mean, x.getDevice(), training).reshape(new Shape(broadcast));
        NDArray s = store.getValue(std, x.getDevice(), training).reshape(new Shape(broadcast));
        // The reshaped views would belong to the parameters' long-lived manager; let the batch own them.
        m.attach(x.getManager());
        s.attach(x.getManager());
        return new NDList(x.sub(m).div(s));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children
    }
}
