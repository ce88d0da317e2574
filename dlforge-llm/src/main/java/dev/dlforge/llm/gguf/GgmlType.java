package dev.dlforge.llm.gguf;

import java.util.Arrays;
import java.util.Optional;

/**
 * The tensor element types of ggml that dlforge reads and writes, with ggml's ids and block layouts.
 *
 * <p>A quantised type stores {@code blockSize} consecutive elements of a row in {@code blockBytes} bytes; a row's
 * length must be a multiple of the block size. Layouts (ggml-common.h), all little-endian, f16 = IEEE half:
 * <ul>
 *   <li>Q8_0: 32 elements = f16 d, int8 q[32]; x = d * q.
 *   <li>Q4_0: 32 elements = f16 d, u8 qs[16] (element j in the low nibble of qs[j], element j+16 in the high); x = d * (q - 8).
 *   <li>Q4_1: 32 elements = f16 d, f16 m, u8 qs[16] (same nibble order); x = d * q + m.
 *   <li>Q4_K: 256 elements = f16 d, f16 dmin, u8 scales[12] (8 sub-blocks of 32: 6-bit scale and min each), u8 qs[128].
 *   <li>Q5_K: 256 elements = f16 d, f16 dmin, u8 scales[12], u8 qh[32] (the fifth bits), u8 qs[128].
 *   <li>Q6_K: 256 elements = u8 ql[128], u8 qh[64], int8 scales[16] (16 sub-blocks of 16), f16 d.
 * </ul>
 */
public enum GgmlType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    Q4_0(2, 32, 18),
    Q4_1(3, 32, 20),
    Q8_0(8, 32, 34),
    Q4_K(12, 256, 144),
    Q5_K(13, 256, 176),
    Q6_K(14, 256, 210),
    BF16(30, 1, 2);

    private final int id;
    private final int blockSize;
    private final int blockBytes;

    GgmlType(int id, int blockSize, int blockBytes) {
        this.id = id;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    /** ggml's numeric id, as stored in a GGUF tensor info. */
    public int id() {
        return id;
    }

    /** Elements per block (1 for the float types). */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per block. */
    public int blockBytes() {
        return blockBytes;
    }

    public boolean quantised() {
        return blockSize > 1;
    }

    /** Bytes of {@code elements} elements; {@code elements} must be a multiple of the block size. */
    public long bytes(long elements) {
        if (elements % blockSize != 0) {
            throw new IllegalArgumentException(this + " needs a multiple of " + blockSize + " elements, got " + elements);
        }
        return Math.multiplyExact(elements / blockSize, (long) blockBytes);
    }

    /** Bits per weight, blocks' scales included (Q4_0: 4.5). */
    public double bitsPerWeight() {
        return 8.0 * blockBytes / blockSize;
    }

    public static Optional<GgmlType> byId(int id) {
        return Arrays.stream(values()).filter(t -> t.id == id).findFirst();
    }
}
