package dev.dlforge.models.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A (bi)directional LSTM over right-padded rows that padding never reaches:
 *
 * <pre>
 * x (B, T, d), lengths L (B, 1)
 *   h_fwd = LSTM_f(x)                              (B, T, h)   real tokens come before the padding
 *   h_bwd = R(LSTM_b(R(x)))                         (B, T, h)   R reverses each row's first L tokens in place
 *   h     = [h_fwd ; h_bwd]                         (B, T, 2h)
 * </pre>
 *
 * A built-in bidirectional LSTM reverses the whole padded row, so its backward pass starts in the
 * padding and carries it into every real token: a sentence's output would depend on the longest
 * sentence of its batch (and, when serving, on other users' requests). Each direction here is its own
 * stack of {@code layers} layers, with gate biases (DJL's bidirectional LSTM cannot have them on
 * PyTorch: it lists both directions' weights before their biases, libtorch wants them per direction).
 */
public final class MaskedBiLstm extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int hiddenSize;
    private final LSTM forward;
    private final LSTM backward;

    public MaskedBiLstm(int hiddenSize, int layers, boolean bidirectional) {
        super(VERSION);
        this.hiddenSize = hiddenSize;
        forward = addChildBlock("lstm_forward", lstm(hiddenSize, layers));
        backward = bidirectional ? addChildBlock("lstm_backward", lstm(hiddenSize, layers)) : null;
    }

    private static LSTM lstm(int hiddenSize, int layers) {
        return LSTM.builder().setStateSize(hiddenSize).setNumLayers(layers).optBatchFirst(true).optReturnState(false).build();
    }

    /** Size of each position's output: h, or 2h when bidirectional. */
    public int outputSize() {
        return backward == null ? hiddenSize : 2 * hiddenSize;
    }

    /** Real tokens per row, (B, 1) float, of right-padded ids whose padding id is 0. */
    public static NDArray lengths(NDArray ids) {
        return ids.neq(0).toType(DataType.FLOAT32, false).sum(new int[] {1}, true);
    }

    /** Inputs: x (B, T, d) and lengths (B, 1); output (B, T, {@link #outputSize()}). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);                                                         // (B, T, d)
        NDArray lengths = inputs.get(1);                                                   // (B, 1)
        NDArray h = forward.forward(store, new NDList(x), training).head();                // (B, T, h)
        if (backward == null) {
            return new NDList(h);
        }
        long t = x.getShape().get(1);
        NDArray position = x.getManager().arange(0f, (float) t).reshape(1, t).add(lengths.mul(0)); // (B, T)
        // Position i < L reads token L-1-i; padded positions map to themselves.
        NDArray reversed = NDArrays.where(position.lt(lengths), lengths.sub(1).sub(position), position)
                .toType(DataType.INT64, false);                                            // (B, T)
        NDArray xReversed = x.gather(spread(reversed, x.getShape().get(2)), 1);             // (B, T, d)
        NDArray hReversed = backward.forward(store, new NDList(xReversed), training).head(); // (B, T, h)
        NDArray hBackward = hReversed.gather(spread(reversed, hiddenSize), 1);              // (B, T, h)
        return new NDList(h.concat(hBackward, 2));                                          // (B, T, 2h)
    }

    /** (B, T) index -> (B, T, width): the same index for every feature. */
    private static NDArray spread(NDArray index, long width) {
        return index.expandDims(2).repeat(2, width);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), x.get(1), outputSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        forward.initialize(manager, dataType, inputShapes[0]);
        if (backward != null) {
            backward.initialize(manager, dataType, inputShapes[0]);
        }
    }
}
