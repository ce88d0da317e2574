package dev.dlforge.projects.text;

import dev.dlforge.core.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A float matrix on disk: magic, rows, columns, then the values row by row (big-endian). */
final class FloatMatrixFile {
    private static final int MAGIC = 0x444C464D; // "DLFM"

    private FloatMatrixFile() {}

    static void write(Path file, float[] flat, int rows, int columns) throws IOException {
        if (flat.length != rows * columns) {
            throw new IllegalArgumentException(flat.length + " values for " + rows + "x" + columns);
        }
        AtomicFiles.write(file, out -> {
            DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
            data.writeInt(MAGIC);
            data.writeInt(rows);
            data.writeInt(columns);
            for (float v : flat) {
                data.writeFloat(v);
            }
            data.flush();
        });
    }

    /** The values; {@code shape} receives rows and columns. */
    static float[] read(Path file, int[] shape) throws IOException {
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
            if (data.readInt() != MAGIC) {
                throw new IOException(file + " is not a dlforge matrix file");
            }
            shape[0] = data.readInt();
            shape[1] = data.readInt();
            float[] flat = new float[Math.multiplyExact(shape[0], shape[1])];
            for (int i = 0; i < flat.length; i++) {
                flat[i] = data.readFloat();
            }
            return flat;
        }
    }
}
