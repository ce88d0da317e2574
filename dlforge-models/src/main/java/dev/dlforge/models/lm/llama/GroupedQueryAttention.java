package dev.dlforge.models.lm.llama;

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
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.models.lm.gpt.KvCache;

/**
 * Causal grouped-query attention (Ainslie et al., 2023) with rotary positions and no biases. For x (B, T, C), H query
 * heads and G key/value heads of size d = C / H:
 *
 * <pre>
 *   q = rope(x Wq^T)  (B, H, T, d)     k = rope(x Wk^T), v = x Wv^T  (B, G, T, d)
 *   A = softmax(q k_h^T / sqrt(d) + M)  with k_h, v_h the key/value head h / (H / G) of query head h
 *   y = merge_heads(A v_h) Wo^T         (B, T, C)
 * </pre>
 *
 * Query head h reads key/value head floor(h / (H / G)), as llama.cpp groups them. M masks keys after the query;
 * with a {@link KvCache} the T new queries also attend to the P cached (already rotated) keys.
 */
public final class GroupedQueryAttention extends AbstractBlock {
    private final LlamaConfig config;
    private final Linear q;
    private final Linear k;
    private final Linear v;
    private final Linear o;

    public GroupedQueryAttention(LlamaConfig config) {
        super((byte) 1);
        this.config = config;
        q = addChildBlock("q", Linear.builder().setUnits(config.dim()).optBias(false).build());
        k = addChildBlock("k", Linear.builder().setUnits(config.kvDim()).optBias(false).build());
        v = addChildBlock("v", Linear.builder().setUnits(config.kvDim()).optBias(false).build());
        o = addChildBlock("o", Linear.builder().setUnits(config.dim()).optBias(false).build());
        for (Linear l : new Linear[] {q, k, v}) {
            l.setInitializer(new NormalInitializer(Llama.INIT_STD), Parameter.Type.WEIGHT);
        }
        o.setInitializer(new NormalInitializer(Llama.residualInitStd(config)), Parameter.Type.WEIGHT);
    }

    public Linear q() {
        return q;
    }

    public Linear k() {
        return k;
    }

    public Linear v() {
        return v;
    }

    public Linear o() {
        return o;
    }

    /**
     * @param x (B, T, C)
     * @param rope the rotary tables of the T positions ({@link RotaryEmbedding#tables})
     * @param mask (T, P + T) additive: 0 where a query may look, a large negative number where not
     * @param cache the layer's past keys and values, or null to attend within x only
     */
    NDArray forward(ParameterStore store, NDArray x, RotaryEmbedding rotary, NDList rope, NDArray mask, KvCache cache, int layer,
                    boolean training) {
        Shape s = x.getShape();
        long b = s.get(0);
        long t = s.get(1);
        int d = config.headDim();
        NDList in = new NDList(x);
        NDArray qh = rotary.apply(heads(q.forward(store, in, training).head(), b, t, config.heads()), rope);    // (B, H, T, d)
        NDArray kh = rotary.apply(heads(k.forward(store, in, training).head(), b, t, config.kvHeads()), rope);  // (B, G, T, d)
        NDArray vh = heads(v.forward(store, in, training).head(), b, t, config.kvHeads());                       // (B, G, T, d)
        if (cache != null) {
            NDArray[] kv = cache.append(layer, kh, vh);                                                         // (B, G, P + T, d)
            kh = kv[0];
            vh = kv[1];
        }
        NDArray keys = grouped(kh, qh.getManager());                                                           // (B, H, P + T, d)
        NDArray values = grouped(vh, qh.getManager());
        NDArray att = qh.matMul(keys.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt(d)).add(mask);               // (B, H, T, P + T)
        NDArray y = att.softmax(-1).matMul(values)                                                             // (B, H, T, d)
                .transpose(0, 2, 1, 3).reshape(b, t, config.dim());                                            // (B, T, C)
        return o.forward(store, new NDList(y), training).head();
    }

    /** (B, T, n d) to (B, n, T, d). */
    private NDArray heads(NDArray x, long b, long t, int n) {
        return x.reshape(b, t, n, config.headDim()).transpose(0, 2, 1, 3);
    }

    /**
     * Key/value heads (B, G, L, d) repeated for their query heads: (B, H, L, d), head h = input head h / (H / G), in
     * {@code step}. Cached keys live in the cache's manager, where ops on them would land and pile up: they are
     * worked on in a scratch manager that the step outlives.
     */
    private NDArray grouped(NDArray kv, NDManager step) {
        int group = config.heads() / config.kvHeads();
        Shape s = kv.getShape();
        try (NDManager scratch = step.newSubManager()) {
            kv.tempAttach(scratch);
            NDArray out = group == 1 ? kv.duplicate() : kv.expandDims(2).broadcast(new Shape(s.get(0), s.get(1), group, s.get(2), s.get(3)))
                    .reshape(s.get(0), (long) config.heads(), s.get(2), s.get(3));
            out.attach(step);
            return out;
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        int t = (int) x.getShape().get(1);
        RotaryEmbedding rotary = new RotaryEmbedding(config.headDim(), config.ropeTheta());
        NDManager m = x.getManager();
        return new NDList(forward(store, x, rotary, rotary.tables(m, 0, t), Gpt.causalMask(m, 0, t), null, 0, training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape channels = new Shape(1, config.dim());
        for (Linear l : new Linear[] {q, k, v, o}) {
            l.initialize(manager, dataType, channels);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
