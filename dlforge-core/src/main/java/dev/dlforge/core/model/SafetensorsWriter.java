package dev.dlforge.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes tensors as a safetensors file, atomically: header length (u64 little-endian), the JSON header
 * padded with spaces to a multiple of 8 so the data region starts 8-byte aligned, then each tensor's
 * bytes in the map's iteration order (which is also the header's order).
 */
public final class SafetensorsWriter {
    private SafetensorsWriter() {}

    /**
     * @param tensors  name to array; a {@link java.util.LinkedHashMap} keeps the order given. FLOAT32,
     *                 FLOAT64, FLOAT16, BFLOAT16, INT64, INT32, INT8, UINT8 and BOOLEAN are written as is.
     * @param metadata free-form strings stored under {@code __metadata__} (omitted when empty)
     */
    public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata) throws IOException {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new DlforgeException("writing safetensors needs a little-endian machine", "run on x86-64 or arm64");
        }
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(SafetensorsHeader.METADATA_KEY);
            metadata.forEach(meta::put);
        }
        List<ByteBuffer> data = new ArrayList<>(tensors.size());
        long offset = 0;
        for (Map.Entry<String, NDArray> t : tensors.entrySet()) {
            String name = t.getKey();
            if (name.equals(SafetensorsHeader.METADATA_KEY)) {
                throw new DlforgeException("a tensor cannot be named " + name + " in a safetensors file", "rename the tensor");
            }
            NDArray array = t.getValue();
            SafetensorsDtype dtype = dtypeOf(array.getDataType(), name);
            long[] shape = array.getShape().getShape();
            ByteBuffer bytes = array.toByteBuffer();
            long expected = array.getShape().size() * dtype.bits() / 8;
            if (bytes.remaining() != expected) {
                throw new IllegalStateException("tensor '" + name + "' gave " + bytes.remaining() + " bytes, expected " + expected);
            }
            ObjectNode entry = header.putObject(name);
            entry.put("dtype", dtype.name());
            Arrays.stream(shape).forEach(entry.putArray("shape")::add);
            entry.putArray("data_offsets").add(offset).add(offset + bytes.remaining());
            data.add(bytes);
            offset += bytes.remaining();
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        if (padded > SafetensorsHeader.MAX_HEADER_BYTES) {
            throw new DlforgeException("safetensors header for " + file + " would be " + padded + " bytes, over the "
                    + SafetensorsHeader.MAX_HEADER_BYTES + " readers accept", "write fewer tensors or shorter metadata per file");
        }
        ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putLong(padded).put(json);
        while (prefix.hasRemaining()) {
            prefix.put((byte) ' ');
        }
        AtomicFiles.write(file, out -> {
            out.write(prefix.array());
            byte[] chunk = new byte[1 << 16];
            for (ByteBuffer bytes : data) {
                while (bytes.hasRemaining()) {
                    int n = Math.min(chunk.length, bytes.remaining());
                    bytes.get(chunk, 0, n);
                    out.write(chunk, 0, n);
                }
            }
        });
    }

    private static SafetensorsDtype dtypeOf(DataType type, String name) {
        return switch (type) {
            case FLOAT32 -> SafetensorsDtype.F32;
            case FLOAT64 -> SafetensorsDtype.F64;
            case FLOAT16 -> SafetensorsDtype.F16;
            case BFLOAT16 -> SafetensorsDtype.BF16;
            case INT64 -> SafetensorsDtype.I64;
            case INT32 -> SafetensorsDtype.I32;
            case INT8 -> SafetensorsDtype.I8;
            case UINT8 -> SafetensorsDtype.U8;
            case BOOLEAN -> SafetensorsDtype.BOOL;
            default -> throw new DlforgeException("tensor '" + name + "' has type " + type + ", which dlforge does not write to safetensors",
                    "convert it to float32 first");
        };
    }
}
