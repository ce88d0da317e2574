package dev.dlforge.models.text;

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
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A BiLSTM-CRF sequence tagger (Huang, Xu and Yu, 2015; Lample et al., 2016). Each token is the
 * concatenation of three embeddings: its word, its last letters (a cheap stand-in for character
 * features that tells an unseen {@code -ly} or {@code -tion} word's class), and its shape
 * (lower case, Capitalised, ALL CAPS, digits, punctuation):
 *
 * <pre>
 *   x = [W_word[w]; W_suffix[s]; W_shape[h]]          (B, T, E)
 *   h = BiLSTM(x)                                     (B, T, 2H)
 *   e = Linear(Dropout(h))                            (B, T, K)   emissions, scored by the CRF
 * </pre>
 *
 * {@link #forward} gives the emissions; {@link #crf()} turns them into a loss or a decoding.
 */
public final class BiLstmTagger extends AbstractBlock {
    private static final byte VERSION = 2;

    /**
     * @param words word vocabulary size (id 0 is padding)
     * @param suffixes suffix vocabulary size
     * @param shapes number of word shapes
     * @param tags number of output tags K
     */
    public record Config(int words, int wordDim, int suffixes, int suffixDim, int shapes, int shapeDim, int hidden,
            float dropout, int tags) {}

    private final Config config;
    private final Parameter wordEmbedding;
    private final Parameter suffixEmbedding;
    private final Parameter shapeEmbedding;
    private final MaskedBiLstm lstm;
    private final Dropout dropout;
    private final Linear output;
    private final Crf crf;

    public BiLstmTagger(Config c) {
        super(VERSION);
        this.config = c;
        wordEmbedding = addParameter(Parameter.builder().setName("word_embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(c.words(), c.wordDim())).build());
        suffixEmbedding = addParameter(Parameter.builder().setName("suffix_embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(c.suffixes(), c.suffixDim())).build());
        shapeEmbedding = addParameter(Parameter.builder().setName("shape_embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(c.shapes(), c.shapeDim())).build());
        lstm = addChildBlock("lstm", new MaskedBiLstm(c.hidden(), 1, true));
        dropout = addChildBlock("dropout", Dropout.builder().optRate(c.dropout()).build());
        output = addChildBlock("output", Linear.builder().setUnits(c.tags()).build());
        crf = addChildBlock("crf", new Crf(c.tags()));
    }

    public Config config() {
        return config;
    }

    public Crf crf() {
        return crf;
    }

    private int embeddingDim() {
        return config.wordDim() + config.suffixDim() + config.shapeDim();
    }

    /** Inputs: word ids, suffix ids, shape ids, each (B, T) int; output: emissions (B, T, K). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray words = inputs.get(0);
        NDArray x = embed(store, words, wordEmbedding, training)                              // (B, T, Ew)
                .concat(embed(store, inputs.get(1), suffixEmbedding, training), 2)             // (B, T, Ew + Es)
                .concat(embed(store, inputs.get(2), shapeEmbedding, training), 2);             // (B, T, E)
        NDArray h = lstm.forward(store, new NDList(x, MaskedBiLstm.lengths(words)), training).head(); // (B, T, 2H), padding kept out
        h = dropout.forward(store, new NDList(h), training).head();
        return output.forward(store, new NDList(h), training);                                 // (B, T, K)
    }

    private static NDArray embed(ParameterStore store, NDArray ids, Parameter table, boolean training) {
        NDArray weight = store.getValue(table, ids.getDevice(), training);                     // (V, D)
        NDArray vectors = Embedding.embedding(ids.toType(DataType.INT64, false), weight, SparseFormat.DENSE).head(); // (B, T, D)
        vectors.attach(ids.getManager()); // a lookup may belong to the table's long-lived manager
        return vectors;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), config.tags())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];                                                               // (B, T)
        lstm.initialize(manager, dataType, new Shape(s.get(0), s.get(1), embeddingDim()), new Shape(s.get(0), 1));
        dropout.initialize(manager, dataType, new Shape(s.get(0), s.get(1), 2L * config.hidden()));
        output.initialize(manager, dataType, new Shape(s.get(0), s.get(1), 2L * config.hidden()));
        crf.initialize(manager, dataType, new Shape(s.get(0), s.get(1), config.tags()), s, s);
    }
}
