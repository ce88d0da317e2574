package dev.dlforge.llm.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a GGUF v3 file: metadata in insertion order, then tensor infos and the data, each tensor aligned to
 * {@code general.alignment} (32 unless set). The file is written beside its target and moved into place, so a crash
 * never leaves a half-written model under the target's name.
 */
public final class GgufWriter {
    private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
    private final List<Pending> tensors = new ArrayList<>();

    private record Pending(String name, GgmlType type, long[] shape, ByteBuffer data) { }

    public GgufWriter put(String key, GgufValue value) {
        metadata.put(key, value);
        return this;
    }

    public GgufWriter put(String key, String value) {
        return put(key, GgufValue.of(value));
    }

    /** Copies every key of {@code source}, in its order. */
    public GgufWriter putAll(GgufMetadata source) {
        metadata.putAll(source.asMap());
        return this;
    }

    /**
     * Adds a tensor.
     *
     * @param shape ggml order ({@code shape[0]} is the row length)
     * @param data  exactly {@code type.bytes(elements)} bytes, from its position to its limit (not consumed)
     */
    public GgufWriter tensor(String name, GgmlType type, long[] shape, ByteBuffer data) {
        TensorInfo probe = new TensorInfo(name, shape, type, 0);
        if (shape.length < 1 || shape.length > GgufFile.MAX_DIMS) {
            throw new IllegalArgumentException("tensor " + name + ": 1 to " + GgufFile.MAX_DIMS + " dimensions, got " + shape.length);
        }
        if (data.remaining() != probe.byteSize()) {
            throw new IllegalArgumentException("tensor " + name + " " + type + " " + java.util.Arrays.toString(shape) + " needs "
                    + probe.byteSize() + " bytes, got " + data.remaining());
        }
        if (tensors.stream().anyMatch(t -> t.name.equals(name))) {
            throw new IllegalArgumentException("tensor " + name + " added twice");
        }
        tensors.add(new Pending(name, type, shape.clone(), data.duplicate()));
        return this;
    }

    public void write(Path target) throws IOException {
        int alignment = (int) new GgufMetadata(metadata).integer(GgufFile.ALIGNMENT_KEY).orElse(GgufFile.DEFAULT_ALIGNMENT);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: its files are private (0600), and the model should be as readable as any file the user writes
        Path tmp = dir.resolve(target.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".partial");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            Header h = new Header();
            h.i32(GgufFile.MAGIC).i32(GgufFile.VERSION).i64(tensors.size()).i64(metadata.size());
            metadata.forEach((k, v) -> h.string(k).i32(v.type().id()).value(v));
            long offset = 0;
            List<Long> offsets = new ArrayList<>();
            for (Pending t : tensors) {
                h.string(t.name).i32(t.shape.length);
                for (long d : t.shape) {
                    h.i64(d);
                }
                h.i32(t.type.id()).i64(offset);
                offsets.add(offset);
                offset = GgufFile.align(offset + t.data.remaining(), alignment);
            }
            long dataStart = GgufFile.align(h.size(), alignment);
            h.pad(dataStart);
            h.writeTo(out);
            for (int i = 0; i < tensors.size(); i++) {
                ByteBuffer data = tensors.get(i).data.duplicate();
                long at = dataStart + offsets.get(i);
                while (data.hasRemaining()) {
                    at += out.write(data, at);
                }
            }
            long end = dataStart + offset;
            if (out.size() < end) {
                out.write(ByteBuffer.allocate(1), end - 1); // the last tensor's padding, so every offset is in the file
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The header, built in memory (metadata arrays of a 150k-token vocabulary are a few MB). */
    private static final class Header {
        private ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        private Header room(int bytes) {
            if (buf.remaining() < bytes) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + bytes)).order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
            return this;
        }

        Header i8(int v) {
            room(1).buf.put((byte) v);
            return this;
        }

        Header i16(int v) {
            room(2).buf.putShort((short) v);
            return this;
        }

        Header i32(int v) {
            room(4).buf.putInt(v);
            return this;
        }

        Header i64(long v) {
            room(8).buf.putLong(v);
            return this;
        }

        Header string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i64(b.length);
            room(b.length).buf.put(b);
            return this;
        }

        Header value(GgufValue v) {
            return scalar(v.type(), v.value());
        }

        private Header scalar(GgufValueType type, Object v) {
            return switch (type) {
                case UINT8, INT8 -> i8((Integer) v);
                case UINT16, INT16 -> i16((Integer) v);
                case INT32 -> i32((Integer) v);
                case UINT32 -> i32((int) (long) (Long) v);
                case UINT64, INT64 -> i64((Long) v);
                case FLOAT32 -> i32(Float.floatToRawIntBits((Float) v));
                case FLOAT64 -> i64(Double.doubleToRawLongBits((Double) v));
                case BOOL -> i8((Boolean) v ? 1 : 0);
                case STRING -> string((String) v);
                case ARRAY -> array((GgufArray) v);
            };
        }

        private Header array(GgufArray a) {
            i32(a.elementType().id()).i64(a.length());
            for (int i = 0; i < a.length(); i++) {
                scalar(a.elementType(), element(a.values(), i));
            }
            return this;
        }

        private static Object element(Object values, int i) {
            if (values instanceof int[] a) {
                return a[i];
            } else if (values instanceof long[] a) {
                return a[i];
            } else if (values instanceof float[] a) {
                return a[i];
            } else if (values instanceof double[] a) {
                return a[i];
            } else if (values instanceof boolean[] a) {
                return a[i];
            }
            return ((Object[]) values)[i];
        }

        long size() {
            return buf.position();
        }

        void pad(long to) {
            room((int) (to - buf.position()));
            while (buf.position() < to) {
                buf.put((byte) 0);
            }
        }

        void writeTo(FileChannel out) throws IOException {
            buf.flip();
            long at = 0;
            while (buf.hasRemaining()) {
                at += out.write(buf, at);
            }
        }
    }
}
