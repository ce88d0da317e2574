package dev.dlforge.models.lm.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Root-mean-square normalisation over the last axis (Zhang and Sennrich, 2019), as Llama and llama.cpp's
 * {@code ggml_rms_norm} compute it: y = x / sqrt(mean(x^2) + eps) * weight. No centring and no bias.
 */
public final class RmsNorm extends AbstractBlock {
    private final float eps;
    private final Parameter weight;

    public RmsNorm(int channels, float eps) {
        super((byte) 1);
        this.eps = eps;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels)).optInitializer(new ConstantInitializer(1f)).build());
    }

    public Parameter weight() {
        return weight;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();                                                      // (..., C)
        NDArray w = store.getValue(weight, x.getDevice(), training);                    // (C)
        NDArray rms = x.square().mean(new int[] {-1}, true).add(eps).sqrt();            // (..., 1)
        return new NDList(x.div(rms).mul(w));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
