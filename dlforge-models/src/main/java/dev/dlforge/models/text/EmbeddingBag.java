package dev.dlforge.models.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The mean of learned word vectors over a text's tokens (PyTorch's EmbeddingBag, mode "mean"):
 * y_b = sum_t m_bt E[x_bt] / max(1, sum_t m_bt), where the mask m_bt is 0 at padding (id 0).
 *
 * <pre>ids (B, T) int64 -> vectors (B, T, D) -> (B, D)</pre>
 */
public final class EmbeddingBag extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int dimension;
    private final Parameter weight;

    public EmbeddingBag(int vocabularySize, int dimension) {
        super(VERSION);
        this.dimension = dimension;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabularySize, dimension)).optInitializer(new NormalInitializer(0.1f)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.head();                                                   // (B, T)
        NDArray e = store.getValue(weight, ids.getDevice(), training);                 // (V, D)
        NDArray vectors = Embedding.embedding(ids, e, SparseFormat.DENSE).head();                    // (B, T, D)
        NDArray mask = ids.neq(0).toType(DataType.FLOAT32, false).expandDims(2);       // (B, T, 1)
        NDArray sum = vectors.mul(mask).sum(new int[] {1});                            // (B, D)
        NDArray count = mask.sum(new int[] {1}).maximum(1f);                           // (B, 1)
        return new NDList(sum.div(count));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), dimension)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children
    }
}
