package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts the elements of one {@link GgmlType} between their stored bytes and floats, bit-exact to ggml's reference
 * code ({@code dequantize_row_*} and {@code quantize_row_*_ref} in ggml-quants.c; {@code ggml_fp32_to_fp16_row} and
 * {@code ggml_fp32_to_bf16_row_ref} for the half types).
 *
 * <p>Positions are in elements of the tensor ({@code firstElement}) and in bytes of the buffer ({@code byteOffset});
 * both must start a block, and counts must be whole blocks ({@link GgmlType#blockSize()}). Buffers are read and
 * written with absolute indices only (their position, limit and order are left alone; bytes are little-endian
 * whatever the buffer's order), so a tensor memory-mapped by {@code GgufFile.data} is never copied.
 */
public interface RowCodec {
    GgmlType type();

    /**
     * Decodes {@code count} elements starting at element {@code firstElement} of the tensor whose bytes start at index
     * 0 of {@code data}, into {@code out[outOffset .. outOffset + count)}.
     */
    void dequantise(ByteBuffer data, long firstElement, float[] out, int outOffset, int count);

    /**
     * Encodes {@code in[inOffset .. inOffset + count)} into {@code type().bytes(count)} bytes of {@code out}, starting
     * at index {@code byteOffset}.
     */
    void quantise(float[] in, int inOffset, int count, ByteBuffer out, long byteOffset);

    /** The floats of a whole row (or tensor) held in {@code data} from index 0. */
    default float[] dequantise(ByteBuffer data, int count) {
        float[] out = new float[count];
        dequantise(data, 0, out, 0, count);
        return out;
    }

    /** The bytes of {@code values} in this type. */
    default byte[] quantise(float[] values) {
        byte[] out = new byte[Math.toIntExact(type().bytes(values.length))];
        quantise(values, 0, values.length, ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN), 0);
        return out;
    }

    /** The codec of {@code type}; every {@link GgmlType} has one. */
    static RowCodec of(GgmlType type) {
        return Codecs.of(type);
    }
}
