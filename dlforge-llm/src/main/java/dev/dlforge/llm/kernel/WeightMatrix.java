package dev.dlforge.llm.kernel;

import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.TensorInfo;
import java.nio.ByteBuffer;

/**
 * A weight matrix {@code W}, {@code (rows, cols)}, over a memory-mapped GGUF tensor (ggml shape {@code {cols, rows}}):
 * {@code y[b][r] = sum_c W[r][c] * x[b][c]}. Most types are read in place; Q4_0 and Q8_0 keep a packed heap copy for
 * the vector loops ({@link IntegerDotMatrix}).
 *
 * <p>A batch of inputs is multiplied row by row, each weight row against every input while it is in cache, so the
 * weights stream from memory once per batch, not once per token.
 */
public abstract class WeightMatrix {
    protected final String name;
    protected final ByteBuffer data;
    protected final int rows;
    protected final int cols;
    protected final int rowBytes;

    protected WeightMatrix(String name, ByteBuffer data, int rows, int cols, GgmlType type) {
        this.name = name;
        this.data = data;
        this.rows = rows;
        this.cols = cols;
        this.rowBytes = (int) type.bytes(cols);
        if ((long) rowBytes * rows > data.capacity()) {
            throw new IllegalArgumentException(name + ": " + rows + " rows of " + rowBytes + " bytes do not fit its " + data.capacity() + " bytes");
        }
    }

    /** The matrix of tensor {@code t} over its bytes {@code data} (from {@code GgufFile.data(t)}). */
    public static WeightMatrix of(TensorInfo t, ByteBuffer data) {
        if (t.rowLength() > Integer.MAX_VALUE || t.rows() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(t + " is too large");
        }
        int cols = (int) t.rowLength();
        int rows = (int) t.rows();
        return switch (t.type()) {
            case F32 -> new F32Matrix(t.name(), data, rows, cols);
            case F16 -> new F16Matrix(t.name(), data, rows, cols);
            case Q8_0 -> new Q8Matrix(t.name(), data, rows, cols);
            case Q4_0 -> new Q4Matrix(t.name(), data, rows, cols);
            case BF16 -> new DequantMatrix(t.name(), data, rows, cols, t.type());
            case Q4_1, Q4_K, Q5_K, Q6_K -> new FusedDequantMatrix(t.name(), data, rows, cols, t.type());
        };
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Bytes of the whole matrix (what one token's product reads). */
    public long bytes() {
        return (long) rowBytes * rows;
    }

    public abstract GgmlType type();

    /** Makes the input form this type reads (Q8_0 quantisation for the quantised types); once per input. */
    abstract void prepare(MatInput in);

    /** {@code out[b][outOffset + r] = W[r] . x[b]} for rows {@code from <= r < to} and every input {@code b}. */
    abstract void multiplyRows(MatInput in, float[][] out, int outOffset, int from, int to);

    /** Row {@code r} as floats, into {@code dst} (embedding lookups). */
    public abstract void row(int r, float[] dst);

    /** {@code out[b] = W x[b]} on the calling thread. */
    public void multiply(MatInput in, float[][] out) {
        checkInput(in);
        prepare(in);
        multiplyRows(in, out, 0, 0, rows);
    }

    void checkInput(MatInput in) {
        if (in.cols != cols) {
            throw new IllegalArgumentException(name + " has " + cols + " columns, its input " + in.cols);
        }
    }

    @Override
    public String toString() {
        return name + " " + type() + " (" + rows + ", " + cols + ")";
    }
}
