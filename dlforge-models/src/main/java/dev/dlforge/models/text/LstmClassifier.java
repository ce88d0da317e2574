package dev.dlforge.models.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A text classifier: embedding -> (bi)LSTM -> pooling over the real tokens -> dropout -> linear.
 *
 * <pre>
 * ids (B, T), 0 = padding on the right
 *   -> e = E[ids]                                  (B, T, d)
 *   -> h_fwd = LSTM(e)                             (B, T, h)
 *      h_bwd = reverse(LSTM(reverse(e)))           (B, T, h)   reversing each row's real tokens only
 *   -> h = [h_fwd ; h_bwd]                         (B, T, 2h)
 *   -> p = [mean_t h ; max_t h] over real tokens   (B, 4h)     (or mean or max alone)
 *   -> logits = W dropout(p) + b                   (B, classes)
 * </pre>
 *
 * Padding never changes a prediction: the forward LSTM reads real tokens before any padding, and the
 * backward one runs over each row's real tokens reversed in place (padding stays at the end) instead
 * of over the padded row reversed, so no padding state reaches a real position; pooling ignores
 * padded positions. Each direction is its own stack of {@code layers} LSTM layers; they meet at the
 * pooling. The embedding can be initialised from word vectors ({@link #setEmbeddings}).
 */
public final class LstmClassifier extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Added to padded positions before max pooling: below any LSTM output (|h| < 1). */
    private static final float MASKED = -1e4f;

    /** How token states become one vector. */
    public enum Pooling { MEAN, MAX, MEAN_MAX }

    /**
     * @param vocabularySize ids are 0 (padding) .. vocabularySize - 1
     * @param embeddingSize d
     * @param hiddenSize h, per direction
     * @param layers LSTM layers per direction
     * @param bidirectional add the backward LSTM
     * @param pooling over real tokens
     * @param dropout on the pooled vector
     * @param classes outputs
     */
    public record Config(int vocabularySize, int embeddingSize, int hiddenSize, int layers, boolean bidirectional,
            Pooling pooling, float dropout, int classes) {

        /** A small BiLSTM for sentence sentiment: 100-d embeddings, 128 units each way, mean+max pooling. */
        public static Config defaults(int vocabularySize, int classes) {
            return new Config(vocabularySize, 100, 128, 1, true, Pooling.MEAN_MAX, 0.3f, classes);
        }

        int pooledSize() {
            int states = hiddenSize * (bidirectional ? 2 : 1);
            return pooling == Pooling.MEAN_MAX ? 2 * states : states;
        }
    }

    private final Config config;
    private final Parameter embedding;
    private final LSTM forwardLstm;
    private final LSTM backwardLstm;
    private final Dropout dropout;
    private final Linear output;

    public LstmClassifier(Config config) {
        super(VERSION);
        this.config = config;
        embedding = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.1f)).optShape(new Shape(config.vocabularySize(), config.embeddingSize())).build());
        forwardLstm = addChildBlock("lstm_forward", lstm(config));
        backwardLstm = config.bidirectional() ? addChildBlock("lstm_backward", lstm(config)) : null;
        dropout = addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
        output = addChildBlock("output", Linear.builder().setUnits(config.classes()).build());
    }

    private static LSTM lstm(Config config) {
        return LSTM.builder().setStateSize(config.hiddenSize()).setNumLayers(config.layers())
                .optBatchFirst(true).optReturnState(false).build();
    }

    public Config config() {
        return config;
    }

    /** Copies word vectors into the embedding (after initialisation): row i is token i's vector. */
    public void setEmbeddings(float[] rowMajor) {
        if (rowMajor.length != config.vocabularySize() * config.embeddingSize()) {
            throw new IllegalArgumentException("need " + config.vocabularySize() + " x " + config.embeddingSize() + " values");
        }
        embedding.getArray().set(rowMajor);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.head().toType(DataType.INT64, false);                      // (B, T)
        NDManager batch = ids.getManager();
        long b = ids.getShape().get(0);
        long t = ids.getShape().get(1);
        NDArray mask = ids.neq(0).toType(DataType.FLOAT32, false);                      // (B, T)
        NDArray lengths = mask.sum(new int[] {1}, true);                                 // (B, 1)
        NDArray weights = store.getValue(embedding, ids.getDevice(), training);          // (V, d)
        // Called on ids so the result belongs to the batch's manager, not the parameter's.
        NDArray e = ids.getNDArrayInternal().embedding(ids, weights, SparseFormat.DENSE).head(); // (B, T, d)
        NDArray h = forwardLstm.forward(store, new NDList(e), training).head();          // (B, T, h)
        if (backwardLstm != null) {
            NDArray position = batch.arange(0f, (float) t).reshape(1, t).add(lengths.mul(0)); // (B, T)
            // Position i < L reads token L-1-i; padded positions map to themselves.
            NDArray reversed = NDArrays.where(position.lt(lengths), lengths.sub(1).sub(position), position)
                    .toType(DataType.INT64, false);                                     // (B, T)
            NDArray eReversed = e.gather(spread(reversed, config.embeddingSize()), 1);   // (B, T, d)
            NDArray hReversed = backwardLstm.forward(store, new NDList(eReversed), training).head(); // (B, T, h)
            NDArray hBackward = hReversed.gather(spread(reversed, config.hiddenSize()), 1);   // (B, T, h)
            h = h.concat(hBackward, 2);                                                  // (B, T, 2h)
        }
        NDArray m = mask.expandDims(2);                                                  // (B, T, 1)
        NDArray pooled = switch (config.pooling()) {
            case MEAN -> meanPool(h, m, lengths);
            case MAX -> maxPool(h, m, lengths);
            case MEAN_MAX -> meanPool(h, m, lengths).concat(maxPool(h, m, lengths), 1);  // (B, 2 * states)
        };
        NDArray dropped = dropout.forward(store, new NDList(pooled), training).head();
        return output.forward(store, new NDList(dropped), training);                     // (B, classes)
    }

    /** (B, T) index -> (B, T, width): the same index for every feature. */
    private static NDArray spread(NDArray index, int width) {
        return index.expandDims(2).repeat(2, width);
    }

    /** Sum of real positions over their count (an empty row gives 0). */
    private static NDArray meanPool(NDArray h, NDArray m, NDArray lengths) {
        return h.mul(m).sum(new int[] {1}).div(lengths.maximum(1f));                     // (B, D)
    }

    /** Max over real positions (an empty row gives 0). */
    private static NDArray maxPool(NDArray h, NDArray m, NDArray lengths) {
        NDArray max = h.add(m.sub(1f).mul(-MASKED)).max(new int[] {1});                 // (B, D)
        return max.mul(lengths.gt(0).toType(DataType.FLOAT32, false));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.classes())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];                                                      // (B, T)
        Shape embedded = new Shape(ids.get(0), ids.get(1), config.embeddingSize());
        forwardLstm.initialize(manager, dataType, embedded);
        if (backwardLstm != null) {
            backwardLstm.initialize(manager, dataType, embedded);
        }
        Shape pooled = new Shape(ids.get(0), config.pooledSize());
        dropout.initialize(manager, dataType, pooled);
        output.initialize(manager, dataType, pooled);
    }
}
