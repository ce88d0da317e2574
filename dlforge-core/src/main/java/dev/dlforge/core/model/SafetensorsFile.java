package dev.dlforge.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.dlforge.core.DlforgeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An open safetensors file: its header is read and validated on {@link #open}, tensors are read on
 * demand from a memory map of their byte range, so a large checkpoint is never held twice in memory
 * (the page cache, then one native buffer per tensor handed to the engine).
 *
 * <p>Every problem with the file, including I/O errors, is a {@link DlforgeException} naming the file
 * and, where there is one, the tensor.
 */
public final class SafetensorsFile implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final SafetensorsHeader header;
    private final Map<String, SafetensorsEntry> byName = new LinkedHashMap<>();

    private SafetensorsFile(Path file, FileChannel channel, SafetensorsHeader header) {
        this.file = file;
        this.channel = channel;
        this.header = header;
        for (SafetensorsEntry e : header.entries()) {
            if (byName.put(e.name(), e) != null) {
                // the JSON parser refuses duplicate keys already; this guards the invariant
                throw SafetensorsHeader.bad(file, "names tensor '" + e.name() + "' twice");
            }
        }
    }

    public static SafetensorsFile open(Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new DlforgeException("safetensors file " + file + " does not exist", "check the path");
        } catch (IOException e) {
            throw new DlforgeException("safetensors file " + file + " cannot be opened: " + e.getMessage(), "check the path and its permissions", e);
        }
        try {
            return new SafetensorsFile(file, channel, SafetensorsHeader.read(channel, file));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DlforgeException("safetensors file " + file + " cannot be read: " + e.getMessage(), "check the disk and the file", e);
        } catch (RuntimeException | Error e) {
            // anything but a DlforgeException here is a bug in the reader; it is not disguised as one
            closeQuietly(channel);
            throw e;
        }
    }

    public Path path() {
        return file;
    }

    /** Tensor names in the order the header lists them. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public SafetensorsEntry entry(String name) {
        SafetensorsEntry e = byName.get(name);
        if (e == null) {
            List<String> some = names().subList(0, Math.min(5, byName.size()));
            throw new DlforgeException("safetensors file " + file + " has no tensor '" + name + "'",
                    "it holds " + byName.size() + " tensors" + (some.isEmpty() ? "" : ", e.g. " + String.join(", ", some)));
        }
        return e;
    }

    /** The header's {@code __metadata__} string map (empty if absent), in file order. */
    public Map<String, String> metadata() {
        return header.metadata();
    }

    /**
     * Reads a floating-point tensor as float32 into {@code manager}. F32 is copied as is; F16, BF16 and
     * F64 are converted (F64 rounds to nearest float32).
     */
    public NDArray loadFloat32(String name, NDManager manager) {
        SafetensorsEntry e = entry(name);
        int count = elementCount(e, 4);
        ByteBuffer source = map(e);
        // the engine keeps a pointer to this buffer (no copy), so it must be ours and writable
        ByteBuffer target = ByteBuffer.allocateDirect(count * 4).order(ByteOrder.nativeOrder());
        FloatBuffer out = target.asFloatBuffer();
        switch (e.dtype()) {
            case F32 -> out.put(source.asFloatBuffer());
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    out.put(HalfPrecision.float16ToFloat(source.getShort(2 * i)));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    out.put(HalfPrecision.bfloat16ToFloat(source.getShort(2 * i)));
                }
            }
            case F64 -> {
                for (int i = 0; i < count; i++) {
                    out.put((float) source.getDouble(8 * i));
                }
            }
            default -> throw new DlforgeException("safetensors tensor '" + name + "' in " + file + " is " + e.dtype() + ", not a float type",
                    "float32 loading reads F32, F16, BF16 and F64 tensors");
        }
        return manager.create(target, new Shape(e.shape()), DataType.FLOAT32);
    }

    /** Reads an integer tensor (I64, or I32 widened) as a flat row-major array. */
    public long[] loadInt64(String name) {
        SafetensorsEntry e = entry(name);
        int count = elementCount(e, 8);
        ByteBuffer source = map(e);
        long[] values = new long[count];
        switch (e.dtype()) {
            case I64 -> source.asLongBuffer().get(values);
            case I32 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = source.getInt(4 * i);
                }
            }
            default -> throw new DlforgeException("safetensors tensor '" + name + "' in " + file + " is " + e.dtype() + ", not an integer type",
                    "int64 loading reads I64 and I32 tensors");
        }
        return values;
    }

    /** Java arrays and buffers are int-indexed: tensors over 2 GiB are refused, not truncated. */
    private int elementCount(SafetensorsEntry e, int bytesPerElement) {
        long count = e.elementCount();
        if (count > (Integer.MAX_VALUE - 8) / bytesPerElement || e.byteLength() > Integer.MAX_VALUE - 8) {
            throw new DlforgeException("safetensors tensor '" + e.name() + "' in " + file + " has " + count
                    + " elements, over the 2 GiB a single array holds here",
                    "split the tensor or load a smaller checkpoint");
        }
        return (int) count;
    }

    private ByteBuffer map(SafetensorsEntry e) {
        if (e.byteLength() == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, header.dataStart() + e.begin(), e.byteLength()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException ex) {
            throw new DlforgeException("safetensors tensor '" + e.name() + "' in " + file + " cannot be read: " + ex.getMessage(),
                    channel.isOpen() ? "check the disk and the file" : "the file was closed; read tensors before closing it", ex);
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only: nothing can be lost by a failed close
        }
    }
}
