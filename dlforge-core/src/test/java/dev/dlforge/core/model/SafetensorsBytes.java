package dev.dlforge.core.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-built safetensors bytes for tests: a chosen length prefix, header text and data. */
final class SafetensorsBytes {
    private SafetensorsBytes() {}

    /** The correct length prefix for {@code header}, then the header, then {@code data}. */
    static byte[] of(String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return withLength(json.length, json, data);
    }

    static byte[] withLength(long declaredLength, byte[] header, byte[] data) {
        return ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(declaredLength).put(header).put(data).array();
    }

    /** {@code count} little-endian floats 0.5, 1.5, 2.5, ... */
    static byte[] floats(int count) {
        ByteBuffer b = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            b.putFloat(i + 0.5f);
        }
        return b.array();
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
