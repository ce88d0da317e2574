package dev.dlforge.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Decompression bombs for the attack benchmark, written chunk by chunk with valid CRCs: a PNG whose
 * header claims a huge size but holds no pixels, and a real huge black grey-scale PNG whose rows
 * deflate to almost nothing (20000 x 20000 is about 390 KB on disk, 400 MB decoded).
 */
final class BombPngs {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private BombPngs() {}

    /** IHDR claiming {@code side x side} 8-bit RGBA, an empty IDAT, IEND: a few dozen bytes. */
    static byte[] headerOnly(int side) {
        return png(side, 6, new byte[0]);
    }

    /** {@code side x side} black 8-bit grey pixels, every row filter 0. */
    static byte[] blackGrey(int side) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            byte[] row = new byte[side + 1];
            for (int y = 0; y < side; y++) {
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png(side, 0, compressed.toByteArray());
    }

    private static byte[] png(int side, int colourType, byte[] idat) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(ihdr);
            h.writeInt(side);
            h.writeInt(side);
            h.write(new byte[] {8, (byte) colourType, 0, 0, 0});
            chunk(out, "IHDR", ihdr.toByteArray());
            chunk(out, "IDAT", idat);
            chunk(out, "IEND", new byte[0]);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
