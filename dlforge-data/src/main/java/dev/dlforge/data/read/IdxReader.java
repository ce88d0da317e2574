package dev.dlforge.data.read;

import dev.dlforge.core.DlforgeException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The IDX format of MNIST and Fashion-MNIST, gzip-compressed or plain (detected from the bytes).
 *
 * <p>Layout: two zero bytes, a type byte (0x08 = unsigned byte), the number of dimensions, each
 * dimension as a big-endian int, then the data in row-major order. Images are 3-d (N, rows, cols),
 * labels 1-d (N).
 *
 * <p>The header is checked before anything is allocated from it: every dimension at least 1, each
 * image side at most {@value #MAX_SIDE}, the whole at most {@value #MAX_BYTES} bytes, and a plain
 * file exactly as long as its header says. A compressed file's length is only known once inflated,
 * so its buffer grows with the data that actually arrives, never straight to the header's claim.
 * Every problem with a file's content is a {@link DlforgeException} naming the file.
 */
public final class IdxReader {
    /** Largest image side accepted: far beyond any IDX dataset (MNIST is 28), far below a misread header. */
    public static final int MAX_SIDE = 16_384;
    /** Largest data block accepted: what one Java array holds. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8;
    private static final int FIRST_CHUNK = 1 << 20;

    /** The decoded array: dimensions and bytes. */
    public record IdxArray(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }
    }

    private IdxReader() {}

    public static IdxArray read(Path file, int expectedDims) {
        try (InputStream in = open(file)) {
            boolean compressed = in instanceof GZIPInputStream;
            DataInputStream data = new DataInputStream(in);
            int magic;
            try {
                magic = data.readInt();
            } catch (EOFException e) {
                throw damaged(file, "file is empty or truncated before the IDX header");
            }
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != 0x08) {
                throw damaged(file, "not an unsigned-byte IDX file (magic number 0x" + String.format("%08X", magic)
                        + ", expected 0x0000080" + expectedDims + ")");
            }
            int dimCount = magic & 0xFF;
            if (dimCount != expectedDims) {
                throw damaged(file, "has " + dimCount + " dimensions, expected " + expectedDims
                        + (expectedDims == 1 ? " (a label file)" : " (an image file)"));
            }
            int[] dims = new int[dimCount];
            long size = 1;
            for (int i = 0; i < dimCount; i++) {
                try {
                    dims[i] = data.readInt();
                } catch (EOFException e) {
                    throw damaged(file, "truncated inside the IDX header");
                }
                if (dims[i] < 1) {
                    throw damaged(file, "dimension " + (i + 1) + " of " + dimCount + " is " + dims[i] + " (header "
                            + describe(dims, i + 1) + "); every dimension must be at least 1");
                }
                if (i > 0 && dims[i] > MAX_SIDE) {
                    throw damaged(file, "header claims images of " + describe(dims, i + 1) + "; an image side above "
                            + MAX_SIDE + " is not a real IDX dataset");
                }
                size *= dims[i];
                if (size > MAX_BYTES) {
                    throw damaged(file, "header " + describe(dims, i + 1) + " claims more than " + MAX_BYTES
                            + " bytes of data, more than dlforge can hold in one array");
                }
            }
            long headerBytes = 4L + 4L * dimCount;
            if (!compressed) {
                long length = Files.size(file);
                if (length != headerBytes + size) {
                    throw damaged(file, (length < headerBytes + size ? "truncated: " : "too long: ") + "header " + describe(dims, dimCount)
                            + " promises " + size + " bytes of data, file has " + (length - headerBytes));
                }
            }
            byte[] bytes = readData(data, (int) size, file, dims);
            if (data.read() != -1) { // also makes a gzip stream check its trailer (CRC and length)
                throw damaged(file, "too long: more bytes follow the " + size + " bytes of data that header " + describe(dims, dimCount)
                        + " promises");
            }
            return new IdxArray(dims, bytes);
        } catch (ZipException e) {
            throw damaged(file, "corrupt gzip data (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw damaged(file, "truncated gzip stream");
        } catch (IOException e) {
            throw new DlforgeException("cannot read " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage(),
                    "check that the file exists and is readable");
        }
    }

    /** Reads {@code size} bytes, growing the buffer only as data arrives, so a lying header cannot make it allocate. */
    private static byte[] readData(InputStream in, int size, Path file, int[] dims) throws IOException {
        byte[] bytes = new byte[Math.min(size, FIRST_CHUNK)];
        int filled = 0;
        while (filled < size) {
            if (filled == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(size, 2L * bytes.length));
            }
            int n = in.read(bytes, filled, bytes.length - filled);
            if (n < 0) {
                throw damaged(file, "truncated: header " + describe(dims, dims.length) + " promises " + size
                        + " bytes of data, file has " + filled);
            }
            filled += n;
        }
        return bytes;
    }

    private static String describe(int[] dims, int known) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < known; i++) {
            s.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return s.toString();
    }

    private static DlforgeException damaged(Path file, String problem) {
        return new DlforgeException(file + ": " + problem,
                "the file is damaged or not this dataset's: fetch the dataset again (`dlforge data fetch ID --force`), "
                        + "or check the files given with --data");
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 != 0x1f || b1 != 0x8b) {
            return in;
        }
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) { // a damaged gzip header: the file must still be closed
            in.close();
            throw e;
        }
    }
}
