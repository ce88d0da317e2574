package dev.dlforge.projects.text;

/** A vector stored as its non-zero entries, indices ascending. */
public record SparseVector(int[] indices, float[] values) {

    public int size() {
        return indices.length;
    }

    /** sum_i v_i w[offset + index_i]: the dot product with one row of a flat (rows, width) matrix. */
    public double dot(float[] flat, int offset) {
        double s = 0;
        for (int i = 0; i < indices.length; i++) {
            s += values[i] * flat[offset + indices[i]];
        }
        return s;
    }
}
