package dev.dlforge.llm.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyMetadataTypeAndTensorsSurviveAWriteAndARead() throws Exception {
        ByteBuffer weights = ByteBuffer.allocate(4 * 6).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) {
            weights.putFloat(i * 0.5f);
        }
        weights.flip();
        ByteBuffer q8 = ByteBuffer.allocate(34 * 2);
        for (int i = 0; i < q8.capacity(); i++) {
            q8.put(i, (byte) i);
        }
        Path file = dir.resolve("m.gguf");
        new GgufWriter()
                .put("general.architecture", "llama")
                .put("u8", new GgufValue(GgufValueType.UINT8, 255))
                .put("i8", new GgufValue(GgufValueType.INT8, -3))
                .put("u16", new GgufValue(GgufValueType.UINT16, 65535))
                .put("i16", new GgufValue(GgufValueType.INT16, -300))
                .put("u32", GgufValue.ofUint32(4_000_000_000L))
                .put("i32", GgufValue.ofInt32(-7))
                .put("f32", GgufValue.ofFloat32(1.5f))
                .put("f64", new GgufValue(GgufValueType.FLOAT64, 2.25))
                .put("u64", new GgufValue(GgufValueType.UINT64, -1L))
                .put("i64", new GgufValue(GgufValueType.INT64, -9L))
                .put("b", GgufValue.ofBool(true))
                .put("tokens", GgufValue.of(GgufArray.of("a", "é", "")))
                .put("scores", GgufValue.of(GgufArray.of(0.5f, -1f)))
                .put("nested", GgufValue.of(new GgufArray(GgufValueType.ARRAY, new GgufArray[] {GgufArray.ofInt32(1, 2)})))
                .tensor("w", GgmlType.F32, new long[] {3, 2}, weights)
                .tensor("q", GgmlType.Q8_0, new long[] {64}, q8)
                .write(file);

        try (GgufFile g = GgufFile.open(file)) {
            assertThat(g.version()).isEqualTo(3);
            assertThat(g.architecture()).isEqualTo("llama");
            GgufMetadata m = g.metadata();
            assertThat(m.integer("u8")).hasValue(255);
            assertThat(m.integer("i8")).hasValue(-3);
            assertThat(m.integer("u16")).hasValue(65535);
            assertThat(m.integer("i16")).hasValue(-300);
            assertThat(m.integer("u32")).hasValue(4_000_000_000L);
            assertThat(m.real("f32")).hasValue(1.5);
            assertThat(m.get("u64").orElseThrow().value()).isEqualTo(-1L);
            assertThat(m.bool("b")).hasValue(true);
            assertThat((String[]) m.requireArray("tokens").values()).containsExactly("a", "é", "");
            assertThat(m.get("nested")).hasValue(GgufValue.of(new GgufArray(GgufValueType.ARRAY, new GgufArray[] {GgufArray.ofInt32(1, 2)})));
            assertThat(g.tensors()).extracting(TensorInfo::name).containsExactly("w", "q");
            TensorInfo w = g.requireTensor("w");
            assertThat(w.rows()).isEqualTo(2);
            assertThat(g.data(w).getFloat(4 * 5)).isEqualTo(2.5f);
            TensorInfo q = g.requireTensor("q");
            assertThat(q.offset() % g.alignment()).isZero();
            assertThat(g.data(q).get(67)).isEqualTo((byte) 67);
        }
    }

    @Test
    void aWrittenFileIsAsReadableAsAnyOtherFileTheUserWrites() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path gguf = dir.resolve("model.gguf");
        new GgufWriter().put("general.architecture", "llama").write(gguf);
        assertThat(Files.getPosixFilePermissions(gguf)).as("not createTempFile's 0600").isEqualTo(Files.getPosixFilePermissions(plain));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plain.txt", "model.gguf");
        }
    }

    @Test
    void aTruncatedFileSaysSo() throws Exception {
        Path file = dir.resolve("t.gguf");
        new GgufWriter().put("general.architecture", "llama")
                .tensor("w", GgmlType.F32, new long[] {8}, ByteBuffer.allocate(32)).write(file);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.gguf");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> GgufFile.open(cut).close()).isInstanceOf(GgufFormatException.class).hasMessageContaining("runs past the end");
        Files.write(cut, new byte[] {'G', 'G', 'U', 'F', 2, 0, 0, 0});
        assertThatThrownBy(() -> GgufFile.open(cut).close()).isInstanceOf(GgufFormatException.class).hasMessageContaining("shorter than a GGUF header");
    }
}
