package dev.dlforge.llm.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.llm.tensor.RowCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of mutations of a valid file (bit flips, truncations, absurd counts, lengths, dimensions, types and offsets,
 * inserted and deleted bytes): opening one and reading everything it claims to hold may only fail with our
 * {@link GgufFormatException} (or an IOException), never with another exception, an out-of-memory error or a hang.
 */
class GgufFuzzTest {
    private static final int MUTATIONS = 10_000;
    /** Values a corrupted u32/u64 field is set to: the edges of every width, and sizes near the file's. */
    private static final long[] INTERESTING = {0, 1, 2, 3, 4, 7, 8, 9, 12, 13, 31, 32, 33, 63, 64, 255, 256, 4095, 65535, 65536,
        0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, 1L << 40, 1L << 56};

    @TempDir
    Path dir;

    static byte[] validFile(Path dir) throws IOException {
        return validFile(dir, true);
    }

    /** {@code nestedArray} false leaves out the array of arrays, which gguf.md allows but llama.cpp's reader refuses. */
    static byte[] validFile(Path dir, boolean nestedArray) throws IOException {
        ByteBuffer f32 = ByteBuffer.allocate(4 * 64).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 64; i++) {
            f32.putFloat(i * 0.25f);
        }
        f32.flip();
        float[] w = new float[256 * 2];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i);
        }
        Path file = dir.resolve("valid.gguf");
        GgufWriter writer = new GgufWriter();
        if (nestedArray) {
            writer.put("nested", GgufValue.of(new GgufArray(GgufValueType.ARRAY, new GgufArray[] {GgufArray.ofInt32(1, 2), GgufArray.of("x")})));
        }
        writer
                .put("general.architecture", "llama")
                .put("general.name", "fuzz ü")
                .put("llama.block_count", GgufValue.ofUint32(2))
                .put("llama.rope.freq_base", GgufValue.ofFloat32(10000f))
                .put("flag", GgufValue.ofBool(true))
                .put("i64", new GgufValue(GgufValueType.INT64, -5L))
                .put("tokenizer.ggml.tokens", GgufValue.of(GgufArray.of("<s>", "</s>", "a", "bc", "")))
                .put("tokenizer.ggml.scores", GgufValue.of(GgufArray.of(0f, -1f, -2f, -3f, -4f)))
                .put("tokenizer.ggml.token_type", GgufValue.of(GgufArray.ofInt32(3, 3, 1, 1, 1)))
                .tensor("output_norm.weight", GgmlType.F32, new long[] {64}, f32)
                .tensor("blk.0.attn_q.weight", GgmlType.Q8_0, new long[] {256, 2}, ByteBuffer.wrap(RowCodec.of(GgmlType.Q8_0).quantise(w)))
                .tensor("blk.0.ffn_up.weight", GgmlType.Q4_K, new long[] {256, 2}, ByteBuffer.wrap(RowCodec.of(GgmlType.Q4_K).quantise(w)))
                .write(file);
        return Files.readAllBytes(file);
    }

    /** Opens {@code file} and touches all it claims to hold: metadata, every tensor's bytes, dequantised. */
    static void readEverything(Path file) throws IOException {
        try (GgufFile g = GgufFile.open(file)) {
            for (String key : g.metadata().asMap().keySet()) {
                g.metadata().get(key).orElseThrow().value().toString();
            }
            for (TensorInfo t : g.tensors()) {
                ByteBuffer data = g.data(t);
                int n = Math.toIntExact(t.elements());
                RowCodec.of(t.type()).dequantise(data, 0, new float[n], 0, n);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a speed claim
    void mutatedFilesFailOnlyWithFormatErrors() throws Exception {
        byte[] valid = validFile(dir);
        readEverything(dir.resolve("valid.gguf"));
        int headerEnd = headerLength(valid);
        SplittableRandom random = new SplittableRandom(20261207);
        Path file = dir.resolve("mutant.gguf");
        int rejected = 0;
        int[] byKind = new int[6];
        // one channel rewritten in place: creating 10,000 files costs seconds on a slow disk
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (int i = 0; i < MUTATIONS; i++) {
                int kind = random.nextInt(6);
                byte[] mutant = mutate(valid, headerEnd, kind, random);
                out.write(ByteBuffer.wrap(mutant), 0);
                out.truncate(mutant.length);
                try {
                    readEverything(file);
                } catch (GgufFormatException e) {
                    rejected++;
                    byKind[kind]++;
                    assertThat(e.getMessage()).startsWith("mutant.gguf: ");
                } catch (IOException e) {
                    rejected++;
                } catch (Throwable t) {
                    Path kept = dir.resolve("failing-" + i + ".gguf");
                    Files.copy(file, kept);
                    throw new AssertionError("mutation " + i + " (kind " + kind + ") escaped as " + t + "; diff at " + firstDiff(valid, mutant), t);
                }
            }
        }
        System.out.printf("GGUF fuzz: %d mutations, %d rejected with a format error, %d read (rejections by kind %s)%n",
                MUTATIONS, rejected, MUTATIONS - rejected, Arrays.toString(byKind));
        assertThat(rejected).as("most mutations of the header must be caught").isGreaterThan(MUTATIONS / 2);
    }

    static byte[] mutate(byte[] valid, int headerEnd, int kind, SplittableRandom r) {
        byte[] m = valid.clone();
        switch (kind) {
            case 0 -> { // bit flips, mostly in the header
                int flips = 1 + r.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    int at = r.nextInt(4) == 0 ? r.nextInt(m.length) : r.nextInt(headerEnd);
                    m[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> m = Arrays.copyOf(m, r.nextInt(m.length)); // truncation
            case 2 -> put64(m, r.nextInt(headerEnd - 8), INTERESTING[r.nextInt(INTERESTING.length)]); // a count, length, dim or offset
            case 3 -> put32(m, r.nextInt(headerEnd - 4), r.nextInt(4) == 0 ? r.nextInt() : r.nextInt(40)); // a type id or n_dims
            case 4 -> { // bytes inserted into or deleted from the header
                int at = r.nextInt(headerEnd);
                int n = 1 + r.nextInt(16);
                byte[] out = new byte[r.nextBoolean() ? m.length + n : m.length - n];
                if (out.length > m.length) {
                    System.arraycopy(m, 0, out, 0, at);
                    for (int k = 0; k < n; k++) {
                        out[at + k] = (byte) r.nextInt();
                    }
                    System.arraycopy(m, at, out, at + n, m.length - at);
                } else {
                    System.arraycopy(m, 0, out, 0, at);
                    System.arraycopy(m, at + n, out, at, m.length - at - n);
                }
                m = out;
            }
            default -> { // a run of random bytes
                int at = r.nextInt(headerEnd);
                int n = Math.min(1 + r.nextInt(32), m.length - at);
                for (int k = 0; k < n; k++) {
                    m[at + k] = (byte) r.nextInt();
                }
            }
        }
        return m;
    }

    private static void put64(byte[] b, int at, long v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(at, v);
    }

    private static void put32(byte[] b, int at, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
    }

    /** Where the data section starts: the header is everything before it. */
    static int headerLength(byte[] valid) throws IOException {
        Path p = Files.createTempFile("h", ".gguf");
        try {
            Files.write(p, valid);
            try (GgufFile g = GgufFile.open(p)) {
                return (int) g.dataStart();
            }
        } finally {
            Files.delete(p);
        }
    }

    private static int firstDiff(byte[] a, byte[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return Math.min(a.length, b.length);
    }
}
