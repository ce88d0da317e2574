package dev.dlforge.core.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG files written byte by byte, for the tests of what a decoder is given and the attack benchmark
 * ({@code dlforge bench serve --attack}): headers that lie about the
 * size, and huge images made cheaply. A solid black 20000x20000 grey PNG is 400 MB of zero rows
 * deflated as they are produced (one row buffer, never the whole image) into 389 KB, in about a second.
 */
public final class PngBytes {
    public static final int GREY = 0;
    public static final int RGBA = 6;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngBytes() {}

    /** A header claiming {@code width} x {@code height} at 8 bits, then one IDAT of a single zero row and IEND: valid CRCs, tiny file. */
    public static byte[] headerOnly(int width, int height, int colorType) {
        ByteArrayOutputStream out = start(width, height, colorType);
        chunk(out, "IDAT", deflate(new byte[16], Deflater.DEFAULT_COMPRESSION));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A complete, valid, solid black 8-bit grey PNG of {@code width} x {@code height}. */
    public static byte[] black(int width, int height) {
        ByteArrayOutputStream out = start(width, height, GREY);
        byte[] row = new byte[width + 1]; // filter byte 0 (none), then the pixels
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        byte[] buffer = new byte[1 << 16];
        for (int y = 0; y < height; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A valid 8-bit grey PNG of {@code pixels} (row by row) whose IDAT is deflate's stored blocks: every
     * pixel byte is in the file as is, so changing one changes a pixel and nothing else (what a disk or a
     * network does to a file, and what only the CRC can tell).
     */
    public static byte[] stored(int width, int height, byte[] pixels) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            raw.write(0);
            raw.write(pixels, y * width, width);
        }
        ByteArrayOutputStream out = start(width, height, GREY);
        chunk(out, "IDAT", deflate(raw.toByteArray(), Deflater.NO_COMPRESSION));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Appends one chunk: length, type, data, CRC32 over type and data. */
    public static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Rewrites the CRC of the chunk starting at {@code at} so that it matches its (maybe mutated) type and data. */
    public static void fixCrc(byte[] png, int at) {
        int length = ByteBuffer.wrap(png, at, 4).getInt();
        CRC32 crc = new CRC32();
        crc.update(png, at + 4, 4 + length);
        ByteBuffer.wrap(png, at + 8 + length, 4).putInt((int) crc.getValue());
    }

    private static ByteArrayOutputStream start(int width, int height, int colorType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        return out;
    }

    private static byte[] deflate(byte[] data, int level) {
        Deflater deflater = new Deflater(level);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + data.length / 100 + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, n);
    }
}
