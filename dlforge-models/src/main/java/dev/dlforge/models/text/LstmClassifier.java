package dev.dlforge.models.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
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
 * Padding never changes a prediction: {@link MaskedBiLstm} keeps it out of every real position, and
 * pooling ignores padded positions. The embedding can be initialised from word vectors ({@link #setEmbeddings}).
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
    private final MaskedBiLstm lstm;
    private final Dropout dropout;
    private final Linear output;

    public LstmClassifier(Config config) {
        super(VERSION);
        this.config = config;
        embedding = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.1f)).optShape(new Shape(config.vocabularySize(), config.embeddingSize())).build());
        lstm = addChildBlock("lstm", new MaskedBiLstm(config.hiddenSize(), config.layers(), config.bidirectional()));
        dropout = addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
        output = addChildBlock("output", Linear.builder().setUnits(config.classes()).build());
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
        NDArray mask = ids.neq(0).toType(DataType.FLOAT32, false);                      // (B, T)
        NDArray lengths = mask.sum(new int[] {1}, true);                                 // (B, 1)
        NDArray weights = store.getValue(embedding, ids.getDevice(), training);          // (V, d)
        // Called on ids so the result belongs to the batch's manager, not the parameter's.
        NDArray e = ids.getNDArrayInternal().embedding(ids, weights, SparseFormat.DENSE).head(); // (B, T, d)
        NDArray h = lstm.forward(store, new NDList(e, lengths), training).head();        // (B, T, states)
        NDArray m = mask.expandDims(2);                                                  // (B, T, 1)
        NDArray pooled = switch (config.pooling()) {
            case MEAN -> meanPool(h, m, lengths);
            case MAX -> maxPool(h, m, lengths);
            case MEAN_MAX -> meanPool(h, m, lengths).concat(maxPool(h, m, lengths), 1);  // (B, 2 * states)
        };
        NDArray dropped = dropout.forward(store, new NDList(pooled), training).head();
        return output.forward(store, new NDList(dropped), training);                     // (B, classes)
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
        lstm.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), config.embeddingSize()), new Shape(ids.get(0), 1));
        Shape pooled = new Shape(ids.get(0), config.pooledSize());
        dropout.initialize(manager, dataType, pooled);
        output.initialize(manager, dataType, pooled);
    }
}
