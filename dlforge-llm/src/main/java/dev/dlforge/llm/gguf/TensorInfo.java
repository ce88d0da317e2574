package dev.dlforge.llm.gguf;

import java.util.Arrays;

/**
 * One tensor's entry in a GGUF file.
 *
 * @param shape  dimensions in ggml order: {@code shape[0]} is the fastest-varying (a row's length), so a PyTorch
 *               {@code (out, in)} weight has {@code shape = {in, out}}
 * @param offset byte offset of the data from the start of the file's data section (a multiple of the alignment)
 */
public record TensorInfo(String name, long[] shape, GgmlType type, long offset) {
    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long elements() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public long byteSize() {
        return type.bytes(elements());
    }

    /** Length of a row ({@code shape[0]}). */
    public long rowLength() {
        return shape[0];
    }

    /** Rows: the product of every dimension but the first. */
    public long rows() {
        return elements() / shape[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && t.name.equals(name) && Arrays.equals(t.shape, shape) && t.type == type && t.offset == offset;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + type + " " + Arrays.toString(shape) + " @" + offset;
    }
}
