package dev.dlforge.models.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * The language-modelling loss: mean cross-entropy of every position's logits with the token that
 * follows, -1/(B T) sum_{b,t} log softmax(z_{b,t})[y_{b,t}]. Predictions (B, T, V), labels (B, T).
 * Its exponential is the perplexity.
 */
public final class NextTokenLoss extends Loss {

    public NextTokenLoss() {
        super("loss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.head();
        long vocab = logits.getShape().get(logits.getShape().dimension() - 1);
        NDArray logProbs = logits.reshape(-1, vocab).logSoftmax(1);                    // (B T, V)
        NDArray targets = labels.head().reshape(-1, 1).toType(DataType.INT64, false);  // (B T, 1)
        return logProbs.gather(targets, 1).mean().neg();
    }
}
