package dev.dlforge.data.read;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The IDX format of MNIST and Fashion-MNIST, gzip-compressed or plain (detected from the bytes).
 *
 * <p>Layout: two zero bytes, a type byte (0x08 = unsigned byte), the number of dimensions, each
 * dimension as a big-endian int, then the data in row-major order. Images are 3-d (N, rows, cols),
 * labels 1-d (N).
 */
public final class IdxReader {

    /** The decoded array: dimensions and bytes. */
    public record IdxArray(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }
    }

    private IdxReader() {}

    public static IdxArray read(Path file, int expectedDims) throws IOException {
        try (InputStream in = open(file)) {
            DataInputStream data = new DataInputStream(in);
            int magic;
            try {
                magic = data.readInt();
            } catch (EOFException e) {
                throw new IOException(file.getFileName() + ": file is empty or truncated before the IDX header");
            }
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != 0x08) {
                throw new IOException(file.getFileName() + ": not an unsigned-byte IDX file (magic number 0x"
                        + String.format("%08X", magic) + ", expected 0x0000080" + expectedDims + ")");
            }
            int dimCount = magic & 0xFF;
            if (dimCount != expectedDims) {
                throw new IOException(file.getFileName() + ": has " + dimCount + " dimensions, expected " + expectedDims
                        + (expectedDims == 1 ? " (a label file)" : " (an image file)"));
            }
            int[] dims = new int[dimCount];
            long size = 1;
            for (int i = 0; i < dimCount; i++) {
                try {
                    dims[i] = data.readInt();
                } catch (EOFException e) {
                    throw new IOException(file.getFileName() + ": truncated inside the IDX header");
                }
                if (dims[i] < 0) {
                    throw new IOException(file.getFileName() + ": negative dimension " + dims[i]);
                }
                size *= dims[i];
            }
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(file.getFileName() + ": " + size + " bytes of data is more than dlforge can hold in one array");
            }
            byte[] bytes = new byte[(int) size];
            int read = data.readNBytes(bytes, 0, bytes.length);
            if (read < bytes.length) {
                throw new IOException(file.getFileName() + ": truncated: header promises " + size + " bytes of data, file has " + read);
            }
            return new IdxArray(dims, bytes);
        } catch (ZipException e) {
            throw new IOException(file.getFileName() + ": corrupt gzip data (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw new IOException(file.getFileName() + ": truncated gzip stream");
        }
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
