package dev.dlforge.llm.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GGUF v3 file opened for reading (gguf.md): header, metadata, tensor infos, then the aligned data section, whose
 * tensors are memory-mapped on demand.
 *
 * <p>Layout: {@code "GGUF"}, u32 version, u64 tensor count, u64 metadata count, the metadata key-value pairs, the tensor
 * infos (name, u32 n_dims, u64 dims[n_dims], u32 type, u64 offset), padding to {@code general.alignment} (default 32),
 * the data. Every count, shape and offset is checked against the file's size before it is used, so a corrupt or
 * hostile file fails with a {@link GgufFormatException} that says where, never with an out-of-memory error.
 */
public final class GgufFile implements AutoCloseable {
    /** "GGUF" read as a little-endian u32. */
    public static final int MAGIC = 0x46554747;
    public static final int VERSION = 3;
    public static final int DEFAULT_ALIGNMENT = 32;
    public static final String ALIGNMENT_KEY = "general.alignment";
    /** ggml's GGML_MAX_DIMS. */
    public static final int MAX_DIMS = 4;
    private static final int MAX_NESTING = 8;
    /** Longest metadata array read: its elements are allocated before they are read, so a lying count must not cost GBs. */
    static final int MAX_ARRAY_LENGTH = 1 << 25;

    private final Path path;
    private final FileChannel channel;
    private final int version;
    private final GgufMetadata metadata;
    private final Map<String, TensorInfo> tensors;
    private final int alignment;
    private final long dataStart;

    private GgufFile(Path path, FileChannel channel, int version, GgufMetadata metadata, Map<String, TensorInfo> tensors,
                     int alignment, long dataStart) {
        this.path = path;
        this.channel = channel;
        this.version = version;
        this.metadata = metadata;
        this.tensors = tensors;
        this.alignment = alignment;
        this.dataStart = dataStart;
    }

    /** Opens and checks {@code path}; the tensors' bytes are mapped when {@link #data} asks for them. */
    public static GgufFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return read(path, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (e instanceof GgufFormatException g) {
                throw new GgufFormatException(path.getFileName() + ": " + g.getMessage(), g);
            }
            throw e;
        }
    }

    private static GgufFile read(Path path, FileChannel channel) throws IOException {
        GgufCursor in = new GgufCursor(channel);
        if (in.size() < 24) {
            throw new GgufFormatException("not a GGUF file: " + in.size() + " bytes, shorter than a GGUF header (24 bytes)");
        }
        int magic = in.i32();
        if (magic != MAGIC) {
            throw new GgufFormatException(String.format("not a GGUF file: it starts with 0x%08x, not \"GGUF\"", magic));
        }
        long version = in.u32();
        if (version != VERSION) {
            throw new GgufFormatException("GGUF version " + version + " is not supported (only version " + VERSION
                    + "); convert it with llama.cpp's gguf tools");
        }
        long tensorCount = in.count("tensor count", 24);
        long kvCount = in.count("metadata count", 12);
        Map<String, GgufValue> kv = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            long at = in.position();
            String key = in.string();
            GgufValue value = readValue(in, GgufValueType.byId(in.i32(), in.position() - 4), 0);
            if (kv.put(key, value) != null) {
                throw new GgufFormatException("metadata key " + key + " appears twice (second at byte " + at + ")");
            }
        }
        GgufMetadata metadata = new GgufMetadata(kv);
        int alignment = alignment(metadata);
        List<TensorInfo> infos = new ArrayList<>();
        for (long i = 0; i < tensorCount; i++) {
            infos.add(readTensorInfo(in, alignment));
        }
        long dataStart = align(in.position(), alignment);
        in.skipTo(dataStart);
        long dataSize = in.size() - dataStart;
        Map<String, TensorInfo> byName = new LinkedHashMap<>();
        checkNoOverlap(infos);
        for (TensorInfo t : infos) {
            if (t.offset() > dataSize || t.byteSize() > dataSize - t.offset()) {
                throw new GgufFormatException("tensor " + t.name() + " (" + t.byteSize() + " bytes at data offset " + t.offset()
                        + ") runs past the end of the file's " + dataSize + "-byte data section (truncated file?)");
            }
            if (byName.put(t.name(), t) != null) {
                throw new GgufFormatException("tensor " + t.name() + " appears twice");
            }
        }
        return new GgufFile(path, channel, (int) version, metadata, Collections.unmodifiableMap(byName), alignment, dataStart);
    }

    /** Two tensors whose bytes overlap would alias each other's weights; llama.cpp refuses such files too. */
    private static void checkNoOverlap(List<TensorInfo> infos) {
        List<TensorInfo> byOffset = new ArrayList<>(infos);
        byOffset.sort(Comparator.comparingLong(TensorInfo::offset));
        for (int i = 1; i < byOffset.size(); i++) {
            TensorInfo prev = byOffset.get(i - 1);
            TensorInfo t = byOffset.get(i);
            if (t.offset() < prev.offset() + prev.byteSize()) {
                throw new GgufFormatException("tensor " + t.name() + " (data offset " + t.offset() + ") overlaps tensor " + prev.name()
                        + " (" + prev.byteSize() + " bytes at data offset " + prev.offset() + ")");
            }
        }
    }

    private static int alignment(GgufMetadata metadata) {
        GgufValue value = metadata.get(ALIGNMENT_KEY).orElse(GgufValue.ofUint32(DEFAULT_ALIGNMENT));
        if (!(value.value() instanceof Integer || value.value() instanceof Long)) {
            throw new GgufFormatException(ALIGNMENT_KEY + " is a " + value.type() + "; it must be an integer (UINT32)");
        }
        long a = ((Number) value.value()).longValue();
        if (a <= 0 || a > 1 << 20 || Long.bitCount(a) != 1) {
            throw new GgufFormatException(ALIGNMENT_KEY + " is " + a + "; it must be a power of two up to 1 MiB");
        }
        return (int) a;
    }

    static long align(long offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    private static TensorInfo readTensorInfo(GgufCursor in, int alignment) throws IOException {
        long at = in.position();
        String name = in.string();
        long dims = in.u32();
        if (dims < 1 || dims > MAX_DIMS) {
            throw new GgufFormatException("tensor " + name + " at byte " + at + " has " + dims + " dimensions (1 to " + MAX_DIMS + " allowed)");
        }
        long[] shape = new long[(int) dims];
        long elements = 1;
        for (int d = 0; d < dims; d++) {
            shape[d] = in.i64();
            if (shape[d] <= 0 || elements > Long.MAX_VALUE / 256 / shape[d]) {
                throw new GgufFormatException("tensor " + name + " at byte " + at + " has an impossible dimension " + Long.toUnsignedString(shape[d]));
            }
            elements *= shape[d];
        }
        int typeId = in.i32();
        GgmlType type = GgmlType.byId(typeId).orElseThrow(() -> new GgufFormatException("tensor " + name + " has ggml type "
                + Integer.toUnsignedString(typeId) + ", which dlforge does not read (it reads " + List.of(GgmlType.values()) + ")"));
        if (shape[0] % type.blockSize() != 0) {
            throw new GgufFormatException("tensor " + name + ": a " + type + " row needs a multiple of " + type.blockSize()
                    + " elements, this one has " + shape[0]);
        }
        long offset = in.i64();
        if (offset < 0 || offset % alignment != 0) {
            throw new GgufFormatException("tensor " + name + " has data offset " + Long.toUnsignedString(offset)
                    + ", not a multiple of the alignment " + alignment);
        }
        return new TensorInfo(name, shape, type, offset);
    }

    private static GgufValue readValue(GgufCursor in, GgufValueType type, int depth) throws IOException {
        Object v = switch (type) {
            case UINT8 -> in.u8();
            case INT8 -> (int) (byte) in.u8();
            case UINT16 -> in.u16();
            case INT16 -> (int) (short) in.u16();
            case UINT32 -> in.u32();
            case INT32 -> in.i32();
            case FLOAT32 -> Float.intBitsToFloat(in.i32());
            case BOOL -> readBool(in);
            case STRING -> in.string();
            case UINT64, INT64 -> in.i64();
            case FLOAT64 -> Double.longBitsToDouble(in.i64());
            case ARRAY -> readArray(in, depth);
        };
        return new GgufValue(type, v);
    }

    private static boolean readBool(GgufCursor in) throws IOException {
        long at = in.position();
        int b = in.u8();
        if (b > 1) {
            throw new GgufFormatException("bool at byte " + at + " is " + b + ", not 0 or 1");
        }
        return b == 1;
    }

    private static GgufArray readArray(GgufCursor in, int depth) throws IOException {
        if (depth >= MAX_NESTING) {
            throw new GgufFormatException("arrays nested deeper than " + MAX_NESTING + " at byte " + in.position());
        }
        GgufValueType element = GgufValueType.byId(in.i32(), in.position() - 4);
        long n = in.count("array length", element.minBytes());
        if (n > MAX_ARRAY_LENGTH) {
            throw new GgufFormatException("array of " + n + " elements at byte " + in.position() + " is longer than the "
                    + MAX_ARRAY_LENGTH + " dlforge reads (the largest vocabularies have under a million tokens: corrupt file?)");
        }
        int count = (int) n;
        Object values = switch (element) {
            case STRING -> {
                String[] a = new String[count];
                for (int i = 0; i < count; i++) {
                    a[i] = in.string();
                }
                yield a;
            }
            case FLOAT32 -> {
                float[] a = new float[count];
                for (int i = 0; i < count; i++) {
                    a[i] = Float.intBitsToFloat(in.i32());
                }
                yield a;
            }
            case FLOAT64 -> {
                double[] a = new double[count];
                for (int i = 0; i < count; i++) {
                    a[i] = Double.longBitsToDouble(in.i64());
                }
                yield a;
            }
            case BOOL -> {
                boolean[] a = new boolean[count];
                for (int i = 0; i < count; i++) {
                    a[i] = readBool(in);
                }
                yield a;
            }
            case UINT32, UINT64, INT64 -> {
                long[] a = new long[count];
                for (int i = 0; i < count; i++) {
                    a[i] = element == GgufValueType.UINT32 ? in.u32() : in.i64();
                }
                yield a;
            }
            case ARRAY -> {
                GgufArray[] a = new GgufArray[count];
                for (int i = 0; i < count; i++) {
                    a[i] = readArray(in, depth + 1);
                }
                yield a;
            }
            default -> {
                int[] a = new int[count];
                for (int i = 0; i < count; i++) {
                    a[i] = (Integer) readValue(in, element, depth).value();
                }
                yield a;
            }
        };
        return new GgufArray(element, values);
    }

    public Path path() {
        return path;
    }

    public int version() {
        return version;
    }

    public GgufMetadata metadata() {
        return metadata;
    }

    /** The tensor infos in file order. */
    public List<TensorInfo> tensors() {
        return List.copyOf(tensors.values());
    }

    public Optional<TensorInfo> tensor(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    public TensorInfo requireTensor(String name) {
        TensorInfo t = tensors.get(name);
        if (t == null) {
            throw new GgufFormatException(path.getFileName() + " has no tensor " + name);
        }
        return t;
    }

    public int alignment() {
        return alignment;
    }

    /** Byte offset of the data section in the file. */
    public long dataStart() {
        return dataStart;
    }

    /** The tensor's bytes, memory-mapped read-only, little-endian; a tensor over 2 GiB is refused (Java 17's buffers). */
    public ByteBuffer data(TensorInfo tensor) throws IOException {
        long bytes = tensor.byteSize();
        if (bytes > Integer.MAX_VALUE) {
            throw new GgufFormatException("tensor " + tensor.name() + " has " + bytes + " bytes; tensors over 2 GiB are not supported yet");
        }
        return channel.map(FileChannel.MapMode.READ_ONLY, dataStart + tensor.offset(), bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Architecture from {@code general.architecture} ("llama", "qwen2", "gpt2", ...). */
    public String architecture() {
        return metadata.requireString("general.architecture");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
