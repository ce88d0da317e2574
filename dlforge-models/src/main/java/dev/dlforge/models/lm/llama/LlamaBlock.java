package dev.dlforge.models.lm.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.models.lm.gpt.KvCache;

/** A pre-norm Llama block: h = x + attn(rms_1(x)); y = h + swiglu(rms_2(h)). Shapes stay (B, T, C). */
public final class LlamaBlock extends AbstractBlock {
    private final LlamaConfig config;
    private final int layer;
    private final RmsNorm attnNorm;
    private final GroupedQueryAttention attn;
    private final RmsNorm ffnNorm;
    private final SwiGlu ffn;

    public LlamaBlock(LlamaConfig config, int layer) {
        super((byte) 1);
        this.config = config;
        this.layer = layer;
        attnNorm = addChildBlock("attn_norm", new RmsNorm(config.dim(), config.rmsEps()));
        attn = addChildBlock("attn", new GroupedQueryAttention(config));
        ffnNorm = addChildBlock("ffn_norm", new RmsNorm(config.dim(), config.rmsEps()));
        ffn = addChildBlock("ffn", new SwiGlu(config));
    }

    public RmsNorm attnNorm() {
        return attnNorm;
    }

    public GroupedQueryAttention attn() {
        return attn;
    }

    public RmsNorm ffnNorm() {
        return ffnNorm;
    }

    public SwiGlu ffn() {
        return ffn;
    }

    /** x (B, T, C) through the block; {@code rope}, {@code mask} and {@code cache} as in {@link GroupedQueryAttention}. */
    NDArray forward(ParameterStore store, NDArray x, RotaryEmbedding rotary, NDList rope, NDArray mask, KvCache cache, boolean training) {
        NDArray a = attnNorm.forward(store, new NDList(x), training).head();
        NDArray h = x.add(attn.forward(store, a, rotary, rope, mask, cache, layer, training));
        NDArray f = ffnNorm.forward(store, new NDList(h), training).head();
        return h.add(ffn.forward(store, new NDList(f), training).head());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        int t = (int) x.getShape().get(1);
        RotaryEmbedding rotary = new RotaryEmbedding(config.headDim(), config.ropeTheta());
        NDManager m = x.getManager();
        return new NDList(forward(store, x, rotary, rotary.tables(m, 0, t), Gpt.causalMask(m, 0, t), null, training));
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
