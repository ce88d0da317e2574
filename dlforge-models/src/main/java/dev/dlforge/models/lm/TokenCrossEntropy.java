package dev.dlforge.models.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The language-modelling loss: the mean over positions of -log softmax(logits)[target], in nats, so
 * that exp(loss) is the perplexity.
 */
public final class TokenCrossEntropy {
    private TokenCrossEntropy() {}

    /** logits (B, T, V), targets (B, T) ids: the scalar mean cross-entropy. */
    public static NDArray mean(NDArray logits, NDArray targets) {
        return perToken(logits, targets).mean();
    }

    /** logits (B, T, V), targets (B, T): -log p(target) at each position, (B, T). */
    public static NDArray perToken(NDArray logits, NDArray targets) {
        NDArray logp = logits.logSoftmax(-1);                                                  // (B, T, V)
        NDArray index = targets.toType(DataType.INT64, false).expandDims(-1);                  // (B, T, 1)
        return logp.gather(index, -1).squeeze(-1).neg();                                       // (B, T)
    }

    /** Share of positions whose arg-max logit is the target. */
    public static double accuracy(NDArray logits, NDArray targets) {
        NDArray predicted = logits.argMax(-1);                                                 // (B, T)
        return predicted.eq(targets.toType(predicted.getDataType(), false)).toType(DataType.FLOAT32, false).mean().getFloat();
    }
}
