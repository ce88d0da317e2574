package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Multi-head causal self-attention (Vaswani et al., 2017). For x (B, T, C) and H heads of size
 * d = C / H:
 *
 * <pre>
 *   q, k, v = split(x W_attn + b_attn)                       each (B, H, T, d)
 *   A       = softmax(q k^T / sqrt(d) + M)                    (B, H, T, T), M = -inf above the diagonal
 *   y       = merge_heads(A v) W_proj + b_proj                (B, T, C)
 * </pre>
 *
 * M stops position t from seeing positions after it. With a {@link KvCache} the T new queries
 * attend to the P cached keys as well, and M masks key j for query i when j > P + i.
 */
public final class CausalSelfAttention extends AbstractBlock {
    private final GptConfig config;
    private final Linear qkv;
    private final Linear proj;

    public CausalSelfAttention(GptConfig config) {
        super((byte) 1);
        this.config = config;
        qkv = addChildBlock("c_attn", Linear.builder().setUnits(3L * config.nEmbd()).optBias(config.bias()).build());
        proj = addChildBlock("c_proj", Linear.builder().setUnits(config.nEmbd()).optBias(config.bias()).build());
        qkv.setInitializer(new NormalInitializer(Gpt.INIT_STD), Parameter.Type.WEIGHT);
        // GPT-2's scaled init: each residual branch adds variance, so its output layer starts smaller.
        proj.setInitializer(new NormalInitializer(Gpt.residualInitStd(config)), Parameter.Type.WEIGHT);
    }

    public Linear qkv() {
        return qkv;
    }

    public Linear proj() {
        return proj;
    }

    /**
     * @param x (B, T, C)
     * @param mask (T, P + T) additive: 0 where a query may look, a large negative number where not
     * @param cache the layer's past keys and values, or null to attend within x only
     */
    NDArray forward(ParameterStore store, NDArray x, NDArray mask, KvCache cache, int layer, boolean training) {
        Shape s = x.getShape();
        long b = s.get(0);
        long t = s.get(1);
        int h = config.nHead();
        int d = config.headSize();
        NDList parts = qkv.forward(store, new NDList(x), training).head().split(3, 2);   // 3 x (B, T, C)
        NDArray q = heads(parts.get(0), b, t);                                          // (B, H, T, d)
        NDArray k = heads(parts.get(1), b, t);
        NDArray v = heads(parts.get(2), b, t);
        if (cache != null) {
            NDArray[] kv = cache.append(layer, k, v);                                   // (B, H, P + T, d)
            k = kv[0];
            v = kv[1];
        }
        NDArray keysT = k.transpose(0, 1, 3, 2);                                        // (B, H, d, P + T)
        keysT.attach(q.getManager()); // an op on cached keys lands in the cache's manager: this view must die with the step
        NDArray att = q.matMul(keysT).mul(1.0 / Math.sqrt(d)).add(mask);               // (B, H, T, P + T)
        att = Gpt.dropout(att.softmax(-1), config.dropout(), training);
        NDArray y = att.matMul(v)                                                       // (B, H, T, d)
                .transpose(0, 2, 1, 3).reshape(b, t, (long) h * d);                     // (B, T, C)
        return Gpt.dropout(proj.forward(store, new NDList(y), training).head(), config.dropout(), training);
    }

    /** (B, T, C) to (B, H, T, d). */
    private NDArray heads(NDArray x, long b, long t) {
        return x.reshape(b, t, config.nHead(), config.headSize()).transpose(0, 2, 1, 3);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        return new NDList(forward(store, x, Gpt.causalMask(x.getManager(), 0, (int) x.getShape().get(1)), null, 0, training));
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, ai.djl.ndarray.types.DataType dataType, Shape... inputShapes) {
        Shape channels = new Shape(1, config.nEmbd());
        qkv.initialize(manager, dataType, channels);
        proj.initialize(manager, dataType, channels);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
