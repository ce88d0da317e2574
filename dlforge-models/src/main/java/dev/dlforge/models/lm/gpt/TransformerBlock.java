package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A pre-norm transformer block: x = x + attn(LN1(x)); x = x + mlp(LN2(x)). Shapes stay (B, T, C). */
public final class TransformerBlock extends AbstractBlock {
    private final int layer;
    private final LayerNorm ln1;
    private final CausalSelfAttention attn;
    private final LayerNorm ln2;
    private final Mlp mlp;

    public TransformerBlock(GptConfig config, int layer) {
        super((byte) 1);
        this.layer = layer;
        ln1 = addChildBlock("ln_1", new LayerNorm(config.nEmbd(), config.bias()));
        attn = addChildBlock("attn", new CausalSelfAttention(config));
        ln2 = addChildBlock("ln_2", new LayerNorm(config.nEmbd(), config.bias()));
        mlp = addChildBlock("mlp", new Mlp(config));
    }

    public LayerNorm ln1() {
        return ln1;
    }

    public CausalSelfAttention attn() {
        return attn;
    }

    public LayerNorm ln2() {
        return ln2;
    }

    public Mlp mlp() {
        return mlp;
    }

    /** x (B, T, C) through the block; {@code mask} and {@code cache} as in {@link CausalSelfAttention}. */
    NDArray forward(ParameterStore store, NDArray x, NDArray mask, KvCache cache, boolean training) {
        NDArray a = ln1.forward(store, new NDList(x), training).head();
        x = x.add(attn.forward(store, a, mask, cache, layer, training));
        NDArray m = ln2.forward(store, new NDList(x), training).head();
        return x.add(mlp.forward(store, new NDList(m), training).head());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        return new NDList(forward(store, x, Gpt.causalMask(x.getManager(), 0, (int) x.getShape().get(1)), null, training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (var child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
