package dev.dlforge.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/** A per-batch mean computed from targets and predictions, e.g. accuracy. */
public interface BatchMetric {

    String name();

    double compute(NDList labels, NDList predictions);

    /** Fraction of examples whose highest-scoring class (last axis) equals the label. */
    static BatchMetric accuracy() {
        return new BatchMetric() {
            @Override
            public String name() {
                return "accuracy";
            }

            @Override
            public double compute(NDList labels, NDList predictions) {
                NDArray predicted = predictions.head().argMax(-1);
                NDArray truth = labels.head().toType(predicted.getDataType(), false);
                return predicted.eq(truth).toType(DataType.FLOAT32, false).mean().getFloat();
            }
        };
    }
}
