package dev.dlforge.llm.gguf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-built headers that lie: counts that fit a large file but no heap, overlapping tensors, absurd shapes and types.
 * The large files are sparse (one byte written at the end), so they cost no disk.
 */
class GgufLimitsTest {
    @TempDir
    Path dir;

    /** A GGUF header written field by field. */
    private static final class Raw {
        final ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

        Raw(long tensors, long kvs) {
            b.putInt(GgufFile.MAGIC).putInt(3).putLong(tensors).putLong(kvs);
        }

        Raw string(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            b.putLong(bytes.length).put(bytes);
            return this;
        }

        Raw tensor(String name, long[] shape, GgmlType type, long offset) {
            string(name).b.putInt(shape.length);
            for (long d : shape) {
                b.putLong(d);
            }
            b.putInt(type.id()).putLong(offset);
            return this;
        }

        Path write(Path file, long size) throws IOException {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                out.write(b.flip(), 0);
                out.write(ByteBuffer.allocate(1), Math.max(size, b.limit()) - 1);
            }
            return file;
        }
    }

    private void refused(Path file, String message) {
        assertThatThrownBy(() -> GgufFile.open(file).close()).isInstanceOf(GgufFormatException.class).hasMessageContaining(message);
    }

    @Test
    void anArrayCountThatFitsABigFileButNotTheHeapIsRefusedBeforeAllocating() throws Exception {
        Raw raw = new Raw(0, 1).string("tokenizer.ggml.token_type");
        raw.b.putInt(GgufValueType.ARRAY.id()).putInt(GgufValueType.UINT8.id()).putLong(2_000_000_000L);
        refused(raw.write(dir.resolve("array.gguf"), 3_000_000_000L), "longer than the");
    }

    @Test
    void aStringLengthThatFitsABigFileButNotTheHeapIsRefusedBeforeAllocating() throws Exception {
        Raw raw = new Raw(0, 1).string("general.name");
        raw.b.putInt(GgufValueType.STRING.id()).putLong(1_500_000_000L);
        refused(raw.write(dir.resolve("string.gguf"), 3_000_000_000L), "longer than the");
    }

    @Test
    void overlappingTensorsAreRefused() throws Exception {
        Raw raw = new Raw(2, 0).tensor("a", new long[] {64}, GgmlType.F32, 0).tensor("b", new long[] {32}, GgmlType.F32, 224);
        refused(raw.write(dir.resolve("overlap.gguf"), 4096), "overlaps tensor a");
    }

    @Test
    void absurdShapesTypesAndOffsetsAreRefused() throws Exception {
        refused(new Raw(1, 0).tensor("w", new long[] {1L << 40, 1L << 40}, GgmlType.F32, 0).write(dir.resolve("s.gguf"), 4096),
                "impossible dimension");
        refused(new Raw(1, 0).tensor("w", new long[] {1L << 30, 1L << 20}, GgmlType.F32, 0).write(dir.resolve("big.gguf"), 4096),
                "runs past the end");
        refused(new Raw(1, 0).tensor("w", new long[] {100}, GgmlType.Q4_0, 0).write(dir.resolve("b.gguf"), 4096), "multiple of 32");
        refused(new Raw(1, 0).tensor("w", new long[] {32}, GgmlType.F32, 1L << 62).write(dir.resolve("o.gguf"), 4096), "runs past the end");
        refused(new Raw(1, 0).tensor("w", new long[] {32}, GgmlType.F32, 7).write(dir.resolve("a.gguf"), 4096), "alignment");
        refused(new Raw(1, 0).tensor("w", new long[] {}, GgmlType.F32, 0).write(dir.resolve("d.gguf"), 4096), "0 dimensions");
        refused(new Raw(Long.MAX_VALUE, 0).write(dir.resolve("c.gguf"), 4096), "tensor count");
    }

    @Test
    void anAlignmentThatIsNotAnIntegerIsRefused() throws Exception {
        Raw raw = new Raw(0, 1).string(GgufFile.ALIGNMENT_KEY);
        raw.b.putInt(GgufValueType.FLOAT32.id()).putFloat(32f);
        refused(raw.write(dir.resolve("align.gguf"), 0), "must be an integer");
    }
}
