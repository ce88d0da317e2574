package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A codec that works block by block: the position and count checks, and the little-endian view, live here once. */
abstract class BlockCodec implements RowCodec {
    private final GgmlType type;

    BlockCodec(GgmlType type) {
        this.type = type;
    }

    @Override
    public final GgmlType type() {
        return type;
    }

    /** Decodes the block at byte {@code at} of {@code in} (little-endian) into {@code out[o .. o + blockSize)}. */
    abstract void decodeBlock(ByteBuffer in, int at, float[] out, int o);

    /** Encodes {@code in[i .. i + blockSize)} into the block at byte {@code at} of {@code out} (little-endian). */
    abstract void encodeBlock(float[] in, int i, ByteBuffer out, int at);

    @Override
    public final void dequantise(ByteBuffer data, long firstElement, float[] out, int outOffset, int count) {
        int blockSize = type.blockSize();
        if (firstElement < 0 || firstElement % blockSize != 0) {
            throw new IllegalArgumentException(type + ": the first element " + firstElement + " does not start a block of " + blockSize);
        }
        checkCount(count, outOffset, out.length);
        long start = firstElement / blockSize * type.blockBytes();
        long end = start + type.bytes(count);
        if (end > data.capacity()) {
            throw new IndexOutOfBoundsException(type + ": elements " + firstElement + "+" + count + " need bytes up to " + end
                    + ", the buffer has " + data.capacity());
        }
        ByteBuffer in = littleEndian(data);
        int blocks = count / blockSize;
        for (int b = 0; b < blocks; b++) {
            decodeBlock(in, (int) start + b * type.blockBytes(), out, outOffset + b * blockSize);
        }
    }

    @Override
    public final void quantise(float[] in, int inOffset, int count, ByteBuffer out, long byteOffset) {
        checkCount(count, inOffset, in.length);
        long end = byteOffset + type.bytes(count);
        if (byteOffset < 0 || end > out.capacity()) {
            throw new IndexOutOfBoundsException(type + ": " + count + " elements need bytes " + byteOffset + " to " + end
                    + ", the buffer has " + out.capacity());
        }
        if (out.isReadOnly()) {
            throw new IllegalArgumentException(type + ": the output buffer is read-only");
        }
        ByteBuffer o = littleEndian(out);
        int blocks = count / type.blockSize();
        for (int b = 0; b < blocks; b++) {
            encodeBlock(in, inOffset + b * type.blockSize(), o, (int) byteOffset + b * type.blockBytes());
        }
    }

    private void checkCount(int count, int offset, int length) {
        if (count < 0 || count % type.blockSize() != 0) {
            throw new IllegalArgumentException(type + ": " + count + " elements are not whole blocks of " + type.blockSize());
        }
        if (offset < 0 || offset > length - count) {
            throw new IndexOutOfBoundsException(type + ": " + count + " floats from " + offset + " do not fit an array of " + length);
        }
    }

    private static ByteBuffer littleEndian(ByteBuffer b) {
        return b.order() == ByteOrder.LITTLE_ENDIAN ? b : b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }
}
