package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The position-wise feed-forward network: y = GELU(x W_fc + b_fc) W_proj + b_proj, widening C to 4C
 * and back. GELU(x) = x Phi(x), or GPT-2's tanh approximation
 * 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))).
 */
public final class Mlp extends AbstractBlock {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private final GptConfig config;
    private final Linear fc;
    private final Linear proj;

    public Mlp(GptConfig config) {
        super((byte) 1);
        this.config = config;
        fc = addChildBlock("c_fc", Linear.builder().setUnits(4L * config.nEmbd()).optBias(config.bias()).build());
        proj = addChildBlock("c_proj", Linear.builder().setUnits(config.nEmbd()).optBias(config.bias()).build());
        fc.setInitializer(new NormalInitializer(Gpt.INIT_STD), Parameter.Type.WEIGHT);
        proj.setInitializer(new NormalInitializer(Gpt.residualInitStd(config)), Parameter.Type.WEIGHT);
    }

    public Linear fc() {
        return fc;
    }

    public Linear proj() {
        return proj;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = gelu(fc.forward(store, inputs, training).head());              // (B, T, 4C)
        NDArray y = proj.forward(store, new NDList(hidden), training).head();           // (B, T, C)
        return new NDList(Gpt.dropout(y, config.dropout(), training));
    }

    private NDArray gelu(NDArray x) {
        if (!config.tanhGelu()) {
            return x.getNDArrayInternal().gelu();
        }
        NDArray inner = x.pow(3).mul(0.044715).add(x).mul(SQRT_2_OVER_PI);
        return inner.tanh().add(1).mul(x).mul(0.5);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        fc.initialize(manager, dataType, new Shape(1, config.nEmbd()));
        proj.initialize(manager, dataType, new Shape(1, 4L * config.nEmbd()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
