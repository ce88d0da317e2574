package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoder-only transformer language model in the layout of GPT-2 (Radford et al., 2019) and
 * nanoGPT. For token ids x (B, T):
 *
 * <pre>
 *   h_0    = wte[x] + wpe[0..T-1]                   (B, T, C)
 *   h_l    = block_l(h_{l-1})                       pre-norm attention + MLP, l = 1..L
 *   logits = LN_f(h_L) wte^T                         (B, T, V), the output layer tied to the embedding
 * </pre>
 *
 * The forward pass returns logits at every position; training minimises the cross-entropy of each
 * with the next token. Weights start as in GPT-2: normal(0, 0.02), residual output layers
 * normal(0, 0.02 / sqrt(2L)), biases 0, layer norms 1.
 */
public final class Gpt extends AbstractBlock implements KvDecoder {
    static final float INIT_STD = 0.02f;
    /** Added to masked attention scores; exp underflows to exactly 0, like -inf, without inf arithmetic. */
    private static final float MASKED = -1e9f;

    private final GptConfig config;
    private final Parameter wte;
    private final Parameter wpe;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final LayerNorm lnF;

    public Gpt(GptConfig config) {
        super((byte) 1);
        this.config = config;
        wte = addParameter(Parameter.builder().setName("wte").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.vocabSize(), config.nEmbd())).optInitializer(new NormalInitializer(INIT_STD)).build());
        wpe = addParameter(Parameter.builder().setName("wpe").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.blockSize(), config.nEmbd())).optInitializer(new NormalInitializer(INIT_STD)).build());
        for (int l = 0; l < config.nLayer(); l++) {
            blocks.add(addChildBlock("h" + l, new TransformerBlock(config, l)));
        }
        lnF = addChildBlock("ln_f", new LayerNorm(config.nEmbd(), config.bias()));
    }

    public GptConfig config() {
        return config;
    }

    @Override
    public int vocabSize() {
        return config.vocabSize();
    }

    @Override
    public int contextLength() {
        return config.blockSize();
    }

    @Override
    public int layers() {
        return config.nLayer();
    }

    public Parameter wte() {
        return wte;
    }

    public Parameter wpe() {
        return wpe;
    }

    public List<TransformerBlock> blocks() {
        return List.copyOf(blocks);
    }

    public LayerNorm lnF() {
        return lnF;
    }

    /** Learned scalars, wte counted once (the tied head has none of its own). */
    public long parameterCount() {
        return getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /** Input: token ids (B, T), T at most the block size. Output: logits (B, T, V). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(logits(store, inputs.head(), null, training));
    }

    /**
     * Logits (B, T, V) for ids (B, T) that follow the {@code cache}'s P positions (none when null),
     * appending their keys and values to it.
     */
    @Override
    public NDArray logits(ParameterStore store, NDArray ids, KvCache cache, boolean training) {
        NDManager m = ids.getManager();
        int t = (int) ids.getShape().get(1);
        int past = cache == null ? 0 : cache.length();
        if (past + t > config.blockSize()) {
            throw new IllegalArgumentException("a context of " + (past + t) + " tokens exceeds the block size " + config.blockSize());
        }
        NDArray tokens = ids.toType(DataType.INT64, false);
        NDArray positions = m.arange(past, past + t).toType(DataType.INT64, false);      // (T)
        NDArray tokEmb = embed(tokens, store.getValue(wte, ids.getDevice(), training));    // (B, T, C)
        NDArray posEmb = embed(positions, store.getValue(wpe, ids.getDevice(), training)); // (T, C)
        NDArray x = dropout(tokEmb.add(posEmb), config.dropout(), training);
        NDArray mask = causalMask(m, past, t);                                           // (T, P + T)
        for (TransformerBlock block : blocks) {
            x = block.forward(store, x, mask, cache, training);
        }
        if (cache != null) {
            cache.advance(t);
        }
        x = lnF.forward(store, new NDList(x), training).head();
        NDArray head = store.getValue(wte, ids.getDevice(), training);
        return x.getNDArrayInternal().linear(x, head, null).head();                       // (B, T, V) = x wte^T
    }

    /** Rows of {@code table} (N, C) for integer {@code ids}, in the ids' manager. */
    private static NDArray embed(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).head();
    }

    /**
     * The additive causal mask (T, P + T) for T queries at positions P..P+T-1 over keys 0..P+T-1:
     * 0 where key j <= P + i, a large negative number where the key lies in the query's future.
     */
    public static NDArray causalMask(NDManager m, int past, int t) {
        NDArray queries = m.arange(past, past + t).reshape(t, 1);
        NDArray keys = m.arange(0, past + t).reshape(1, past + t);
        return keys.gt(queries).toType(DataType.FLOAT32, false).mul(MASKED);
    }

    public static NDArray dropout(NDArray x, float rate, boolean training) {
        return training && rate > 0 ? x.getNDArrayInternal().dropout(x, rate, true).head() : x;
    }

    static float residualInitStd(GptConfig config) {
        return (float) (INIT_STD / Math.sqrt(2.0 * config.nLayer()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = new Shape(1, 1, config.nEmbd());
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, hidden);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), config.vocabSize())};
    }

    /** A GPT with fresh weights, initialised in {@code manager}. */
    public static Gpt create(GptConfig config, NDManager manager) {
        Gpt gpt = new Gpt(config);
        gpt.initialize(manager, DataType.FLOAT32, new Shape(1, config.blockSize()));
        return gpt;
    }
}
