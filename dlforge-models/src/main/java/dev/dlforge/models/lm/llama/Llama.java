package dev.dlforge.models.lm.llama;

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
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.models.lm.gpt.KvCache;
import dev.dlforge.models.lm.gpt.KvDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * A Llama-style decoder-only language model (Touvron et al., 2023) in the tensor layout of llama.cpp's {@code llama}
 * architecture, so {@link LlamaGguf} exports it without reshuffling. For token ids x (B, T):
 *
 * <pre>
 *   h_0    = E[x]                                   (B, T, C), no position embedding: positions enter through RoPE
 *   h_l    = block_l(h_{l-1})                       pre-RMSNorm GQA attention + SwiGLU, l = 1..L
 *   logits = rms_f(h_L) W_out^T                     (B, T, V), W_out = E when tied
 * </pre>
 *
 * Weights start normal(0, 0.02), the residual output layers (Wo, W_down) normal(0, 0.02 / sqrt(2L)), norms 1.
 */
public final class Llama extends AbstractBlock implements KvDecoder {
    static final float INIT_STD = 0.02f;

    private final LlamaConfig config;
    private final RotaryEmbedding rotary;
    private final Parameter embedding;
    private final Parameter output;
    private final List<LlamaBlock> blocks = new ArrayList<>();
    private final RmsNorm outputNorm;

    public Llama(LlamaConfig config) {
        super((byte) 1);
        this.config = config;
        this.rotary = new RotaryEmbedding(config.headDim(), config.ropeTheta());
        embedding = addParameter(Parameter.builder().setName("token_embd").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.vocab(), config.dim())).optInitializer(new NormalInitializer(INIT_STD)).build());
        for (int l = 0; l < config.layers(); l++) {
            blocks.add(addChildBlock("blk" + l, new LlamaBlock(config, l)));
        }
        outputNorm = addChildBlock("output_norm", new RmsNorm(config.dim(), config.rmsEps()));
        output = config.tiedOutput() ? null : addParameter(Parameter.builder().setName("output").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.vocab(), config.dim())).optInitializer(new NormalInitializer(INIT_STD)).build());
    }

    public LlamaConfig config() {
        return config;
    }

    @Override
    public int vocabSize() {
        return config.vocab();
    }

    @Override
    public int contextLength() {
        return config.context();
    }

    @Override
    public int layers() {
        return config.layers();
    }

    /** The token embedding E (V, C). */
    public Parameter embedding() {
        return embedding;
    }

    /** The output layer W_out (V, C), or null when tied to the embedding. */
    public Parameter output() {
        return output;
    }

    public List<LlamaBlock> blocks() {
        return List.copyOf(blocks);
    }

    public RmsNorm outputNorm() {
        return outputNorm;
    }

    public long parameterCount() {
        return getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    static float residualInitStd(LlamaConfig config) {
        return (float) (INIT_STD / Math.sqrt(2.0 * config.layers()));
    }

    /** Input: token ids (B, T), T at most the context. Output: logits (B, T, V). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(logits(store, inputs.head(), null, training));
    }

    /** Logits (B, T, V) for ids (B, T) that follow the {@code cache}'s P positions (none when null), appending to it. */
    @Override
    public NDArray logits(ParameterStore store, NDArray ids, KvCache cache, boolean training) {
        NDManager m = ids.getManager();
        int t = (int) ids.getShape().get(1);
        int past = cache == null ? 0 : cache.length();
        if (past + t > config.context()) {
            throw new IllegalArgumentException("a context of " + (past + t) + " tokens exceeds the model's " + config.context());
        }
        NDArray table = store.getValue(embedding, ids.getDevice(), training);                       // (V, C)
        NDArray tokens = ids.toType(DataType.INT64, false);
        NDArray x = tokens.getNDArrayInternal().embedding(tokens, table, SparseFormat.DENSE).head(); // (B, T, C)
        NDList rope = rotary.tables(m, past, t);                                                    // 2 x (T, d/2)
        NDArray mask = Gpt.causalMask(m, past, t);                                                  // (T, P + T)
        for (LlamaBlock block : blocks) {
            x = block.forward(store, x, rotary, rope, mask, cache, training);
        }
        if (cache != null) {
            cache.advance(t);
        }
        x = outputNorm.forward(store, new NDList(x), training).head();
        NDArray head = output == null ? table : store.getValue(output, ids.getDevice(), training);  // (V, C)
        return x.getNDArrayInternal().linear(x, head, null).head();                                 // (B, T, V)
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = new Shape(1, 1, config.dim());
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, hidden);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), config.vocab())};
    }

    /** A Llama with fresh weights, initialised in {@code manager}. */
    public static Llama create(LlamaConfig config, NDManager manager) {
        Llama llama = new Llama(config);
        llama.initialize(manager, DataType.FLOAT32, new Shape(1, config.context()));
        return llama;
    }
}
