package dev.dlforge.llm.kernel;

import dev.dlforge.llm.tensor.Half;
import java.nio.ByteBuffer;

/**
 * Q4_0 or Q8_0 blocks split into what the vector loops read: the quants of every block back to back
 * ({@code quantBytes} per block: 16 packed nibbles or 32 int8) and the f16 scales widened to floats, in row order.
 * Rows of the packed matrix are {@code blocksPerRow * quantBytes} bytes apart; block {@code k} of row {@code r} has its
 * scale at {@code r * blocksPerRow + k}.
 *
 * <p>The split takes the f16 decoding and the 2-byte misalignment of every block out of the inner loop, and a heap
 * array is what every JDK's Vector API loads from (Java 17's {@code fromByteBuffer} is gone from 19 on). A matrix is
 * packed once at load time when the heap has room for it, else row by row as it is multiplied.
 */
final class PackedBlocks {
    final byte[] quants;
    final float[] scales;
    final int quantBytes;
    final int blocksPerRow;

    private PackedBlocks(int rows, int blocksPerRow, int quantBytes) {
        this.quants = new byte[rows * blocksPerRow * quantBytes];
        this.scales = new float[rows * blocksPerRow];
        this.quantBytes = quantBytes;
        this.blocksPerRow = blocksPerRow;
    }

    /** One row's worth of space, for packing rows as they are multiplied. */
    static PackedBlocks row(int blocksPerRow, int quantBytes) {
        return new PackedBlocks(1, blocksPerRow, quantBytes);
    }

    /**
     * Every row of {@code data} packed, or null when the packed copy would take more than half of the heap still free
     * (the kernels then pack row by row), or when {@code -Ddlforge.llm.packAtLoad=false} asks for that.
     */
    static PackedBlocks all(ByteBuffer data, int rows, int blocksPerRow, int quantBytes) {
        long bytes = (long) rows * blocksPerRow * (quantBytes + 4L);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (!Boolean.parseBoolean(System.getProperty("dlforge.llm.packAtLoad", "true")) || bytes > Integer.MAX_VALUE - 64 || 2 * bytes > free) {
            return null;
        }
        PackedBlocks p = new PackedBlocks(rows, blocksPerRow, quantBytes);
        for (int r = 0; r < rows; r++) {
            p.pack(data, r, r);
        }
        return p;
    }

    /** Packs row {@code from} of {@code data} (blocks of {@code 2 + quantBytes} bytes: f16 scale, quants) as row {@code to}. */
    void pack(ByteBuffer data, int from, int to) {
        int blockBytes = 2 + quantBytes;
        int src = from * blocksPerRow * blockBytes;
        for (int k = 0; k < blocksPerRow; k++, src += blockBytes) {
            int block = to * blocksPerRow + k;
            scales[block] = Half.toFloat(data.getShort(src));
            data.get(src + 2, quants, block * quantBytes, quantBytes);
        }
    }

    int quantOffset(int row) {
        return row * blocksPerRow * quantBytes;
    }

    int scaleOffset(int row) {
        return row * blocksPerRow;
    }
}
