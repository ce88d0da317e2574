package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Layer normalisation over the last axis (Ba et al., 2016) with an optional bias, which nanoGPT
 * leaves out: y = (x - mean(x)) / sqrt(var(x) + eps) * weight [+ bias]. DJL's own layer norm always
 * has a bias; GPT-2 checkpoints do too, nanoGPT's by default do not.
 */
public final class LayerNorm extends AbstractBlock {
    private final int channels;
    private final Parameter weight;
    private final Parameter bias;

    public LayerNorm(int channels, boolean withBias) {
        super((byte) 1);
        this.channels = channels;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels)).optInitializer(new ConstantInitializer(1f)).build());
        bias = withBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BETA)
                .optShape(new Shape(channels)).build()) : null;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null when this norm has none. */
    public Parameter bias() {
        return bias;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();                                              // (..., C)
        NDArray w = store.getValue(weight, x.getDevice(), training);
        // The native op wants a beta: a bias-free norm passes zeros made in the batch's manager.
        NDArray b = bias != null ? store.getValue(bias, x.getDevice(), training)
                : x.getManager().zeros(new Shape(channels), DataType.FLOAT32, x.getDevice());
        return x.getNDArrayInternal().layerNorm(x, new Shape(channels), w, b, GptConfig.LAYER_NORM_EPS);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
