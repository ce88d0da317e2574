package dev.dlforge.models.lm.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.dlforge.models.lm.LanguageModel;

/**
 * A recurrent language model (Mikolov et al., 2010; Zaremba et al., 2014): each token's embedding
 * goes through a stack of LSTM or GRU layers, whose output at step t scores the token at t + 1.
 *
 * <pre>
 *   e_t        = Dropout(W_emb[x_t])                          (B, T, E)
 *   o_t, s_t   = RNN_L(e_t, s_{t-1})                          (B, T, H), state s: (L, B, H) per array
 *   logits_t   = W_out Dropout(o_t) + b                       (B, T, V)
 *   p(x_{t+1} | x_1..x_t) = softmax(logits_t)
 * </pre>
 *
 * {@link #forward} takes ids (B, T) and optionally the state of a previous call (h, and c for an
 * LSTM, each (L, B, H)); it returns the logits then the state after the last step, so a long text can
 * be run window by window and decoding feeds one token at a time ({@link #newSession}).
 */
public final class RecurrentLm extends AbstractBlock implements LanguageModel {
    private static final byte VERSION = 1;
    private final RecurrentLmConfig config;
    private final Parameter embedding;
    private final RecurrentBlock rnn;
    private final Dropout dropout;
    private final Linear output;

    public RecurrentLm(RecurrentLmConfig config) {
        super(VERSION);
        this.config = config;
        embedding = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.vocabSize(), config.embedDim())).build());
        rnn = addChildBlock("rnn", switch (config.cell()) {
            case LSTM -> LSTM.builder().setStateSize(config.hidden()).setNumLayers(config.layers()).optDropRate(config.dropout())
                    .optBatchFirst(true).optReturnState(true).build();
            case GRU -> GRU.builder().setStateSize(config.hidden()).setNumLayers(config.layers()).optDropRate(config.dropout())
                    .optBatchFirst(true).optReturnState(true).build();
        });
        dropout = addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
        output = addChildBlock("output", Linear.builder().setUnits(config.vocabSize()).build());
    }

    public RecurrentLmConfig config() {
        return config;
    }

    /**
     * Inputs: ids (B, T) and optionally the begin state (each (L, B, H)); zeros when absent.
     * Outputs: logits (B, T, V), then the end state arrays.
     */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);                                                           // (B, T)
        NDArray table = store.getValue(embedding, ids.getDevice(), training);                  // (V, E)
        NDArray e = Embedding.embedding(ids.toType(DataType.INT64, false), table, SparseFormat.DENSE).head(); // (B, T, E)
        e.attach(ids.getManager()); // a lookup may belong to the table's long-lived manager
        e = dropout.forward(store, new NDList(e), training).head();
        NDList rnnIn = new NDList(e);
        for (int i = 1; i < inputs.size(); i++) {
            rnnIn.add(inputs.get(i));                                                          // (L, B, H)
        }
        NDList rnnOut = rnn.forward(store, rnnIn, training);                                   // o (B, T, H), state...
        NDArray o = dropout.forward(store, new NDList(rnnOut.get(0)), training).head();
        NDList out = new NDList(output.forward(store, new NDList(o), training).head());        // (B, T, V)
        for (int i = 1; i < rnnOut.size(); i++) {
            out.add(rnnOut.get(i));
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        Shape state = new Shape(config.layers(), ids.get(0), config.hidden());
        return config.cell() == RecurrentLmConfig.Cell.LSTM
                ? new Shape[] {new Shape(ids.get(0), ids.get(1), config.vocabSize()), state, state}
                : new Shape[] {new Shape(ids.get(0), ids.get(1), config.vocabSize()), state};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];                                                            // (B, T)
        rnn.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), config.embedDim()));
        dropout.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), config.hidden()));
        output.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), config.hidden()));
    }

    /** Weights for a batch of one: (1, 1) ids. */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, 1));
    }

    @Override
    public int vocabSize() {
        return config.vocabSize();
    }

    @Override
    public int contextLength() {
        return Integer.MAX_VALUE;
    }

    /**
     * With the cache, the session keeps the state after the last token and each {@code feed} runs only
     * the new tokens: O(1) per decoded token. Without it, every {@code feed} re-runs the whole history
     * from a zero state (O(n) per token), the reference the cached path must equal.
     */
    @Override
    public Session newSession(NDManager manager, boolean useCache) {
        return new RecurrentLmSession(this, manager.newSubManager(), useCache);
    }
}
