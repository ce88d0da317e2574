package dev.dlforge.core.image;

import dev.dlforge.core.DlforgeException;
import java.util.zip.CRC32;

/**
 * Checks the chunk structure of a PNG before it is decoded. Java's PNG reader ignores chunk CRCs, so
 * a file damaged in transit or on disk decodes silently into wrong pixels; a classifier then answers
 * for a picture nobody sent. Walking the chunks costs one CRC32 pass over the file (about a
 * millisecond per megabyte) and allocates nothing.
 *
 * <p>A PNG is the 8-byte signature, then chunks of {@code length (4, big-endian) | type (4 ASCII
 * letters) | data (length bytes) | CRC32 over type and data (4)}. The first chunk is IHDR (13 bytes:
 * width, height, bit depth, colour type, compression, filter, interlace); the last is IEND. Bytes
 * after IEND are ignored, as every decoder does.
 */
public final class PngChunks {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int IHDR_LENGTH = 13;
    private static final int MAX_LENGTH = Integer.MAX_VALUE; // the spec caps a chunk at 2^31 - 1 bytes

    /** What IHDR says about the image: enough to refuse it before any pixel is decoded. */
    public record Header(int width, int height, int bitDepth, int colorType, boolean interlaced) {}

    private PngChunks() {}

    /** Whether {@code bytes} start with the PNG signature (89 50 4E 47 0D 0A 1A 0A). */
    public static boolean isPng(byte[] bytes) {
        if (bytes.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Walks every chunk from the signature to IEND and returns IHDR. {@code name} appears in errors.
     *
     * @throws DlforgeException naming the chunk and its byte offset when a CRC is wrong, a length runs
     *     past the end of the file, IHDR is not first or is malformed, or IEND is missing
     */
    public static Header check(byte[] bytes, String name) {
        if (!isPng(bytes)) {
            throw corrupt(name, "it does not start with the PNG signature");
        }
        CRC32 crc = new CRC32();
        Header header = null;
        int at = SIGNATURE.length;
        while (true) {
            if (bytes.length - at < 8) {
                throw truncated(name, at == bytes.length ? "the file ends at byte " + at + " without an IEND chunk"
                        : "the file ends inside a chunk header at byte " + at);
            }
            long length = readUnsigned(bytes, at);
            String type = typeAt(bytes, at + 4);
            if (type == null) {
                throw corrupt(name, "the chunk at byte " + at + " has no valid type (4 ASCII letters)");
            }
            if (length > MAX_LENGTH || length > bytes.length - (long) at - 12) {
                throw truncated(name, "PNG chunk " + type + " at byte " + at + " claims " + length
                        + " bytes, past the end of the file (" + bytes.length + " bytes)");
            }
            int dataAt = at + 8;
            int end = dataAt + (int) length;
            crc.reset();
            crc.update(bytes, at + 4, 4 + (int) length);
            if (crc.getValue() != readUnsigned(bytes, end)) {
                throw corrupt(name, "PNG chunk " + type + " at byte " + at + " has a bad CRC");
            }
            if (header == null) {
                if (!type.equals("IHDR")) {
                    throw corrupt(name, "the first chunk is " + type + ", not IHDR");
                }
                header = header(bytes, dataAt, (int) length, name);
            } else if (type.equals("IHDR")) {
                throw corrupt(name, "PNG chunk IHDR at byte " + at + " is a second IHDR");
            }
            if (type.equals("IEND")) {
                return header;
            }
            at = end + 4;
        }
    }

    private static Header header(byte[] bytes, int at, int length, String name) {
        if (length != IHDR_LENGTH) {
            throw corrupt(name, "PNG chunk IHDR is " + length + " bytes, not " + IHDR_LENGTH);
        }
        long width = readUnsigned(bytes, at);
        long height = readUnsigned(bytes, at + 4);
        if (width < 1 || height < 1 || width > MAX_LENGTH || height > MAX_LENGTH) {
            throw corrupt(name, "PNG chunk IHDR gives a size of " + width + "x" + height);
        }
        return new Header((int) width, (int) height, bytes[at + 8] & 0xFF, bytes[at + 9] & 0xFF, bytes[at + 12] != 0);
    }

    /** The chunk type at {@code at}, or null unless it is four ASCII letters. */
    private static String typeAt(byte[] bytes, int at) {
        char[] type = new char[4];
        for (int i = 0; i < 4; i++) {
            int c = bytes[at + i] & 0xFF;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return null;
            }
            type[i] = (char) c;
        }
        return new String(type);
    }

    private static long readUnsigned(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | b[at + 3] & 0xFFL;
    }

    private static DlforgeException corrupt(String name, String what) {
        return new DlforgeException("image " + name + " is corrupt: " + what, "re-export it");
    }

    /** A file cut short and one whose length field is damaged look the same from here. */
    private static DlforgeException truncated(String name, String what) {
        return new DlforgeException("image " + name + " is corrupt or truncated: " + what, "re-export it");
    }
}
