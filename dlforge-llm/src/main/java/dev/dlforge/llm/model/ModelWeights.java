package dev.dlforge.llm.model;

import dev.dlforge.llm.gguf.GgufFile;
import dev.dlforge.llm.gguf.TensorInfo;
import dev.dlforge.llm.kernel.WeightMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Tensors of an open GGUF file by name: matrices stay mapped, vectors (norms, biases) are read into float arrays. */
final class ModelWeights {
    private final GgufFile file;

    ModelWeights(GgufFile file) {
        this.file = file;
    }

    GgufFile file() {
        return file;
    }

    WeightMatrix matrix(String name) {
        TensorInfo t = file.requireTensor(name);
        try {
            return WeightMatrix.of(t, file.data(t));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + name + " of " + file.path(), e);
        }
    }

    Optional<WeightMatrix> optionalMatrix(String name) {
        return file.tensor(name).map(t -> matrix(name));
    }

    /** A 1-D tensor (any type the matrices read) as floats. */
    float[] vector(String name) {
        TensorInfo t = file.requireTensor(name);
        if (t.shape().length != 1) {
            throw new IllegalArgumentException(name + " should be a vector, its shape is " + java.util.Arrays.toString(t.shape()));
        }
        float[] v = new float[(int) t.rowLength()];
        matrix(name).row(0, v);
        return v;
    }

    Optional<float[]> optionalVector(String name) {
        return file.tensor(name).map(t -> vector(name));
    }

    long parameters() {
        return file.tensors().stream().mapToLong(TensorInfo::elements).sum();
    }
}
