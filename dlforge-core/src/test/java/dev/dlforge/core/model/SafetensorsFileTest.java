package dev.dlforge.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Engines;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {
    @TempDir
    Path dir;

    @Test
    void writeThenReadKeepsBitsNamesOrderAndMetadata() throws Exception {
        float[] special = {1.5f, -0.0f, Float.MIN_VALUE, Float.POSITIVE_INFINITY, Float.intBitsToFloat(0x7FC01234), -3.25e-20f};
        try (NDManager m = Engines.newManager()) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            tensors.put("z.weight", m.create(special, new Shape(2, 3)));
            tensors.put("a.ids", m.create(new long[] {7, -1, Long.MAX_VALUE, 0}));
            tensors.put("scalar", m.create(42.5f));
            tensors.put("empty", m.create(new float[0], new Shape(0, 3)));
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("format", "pt");
            metadata.put("note", "ünïcode ✓");
            Path file = dir.resolve("round.safetensors");
            SafetensorsWriter.write(file, tensors, metadata);

            long headerLength = ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertThat(headerLength % 8).isZero();
            assertThat(Files.size(file)).isEqualTo(8 + headerLength + 6 * 4 + 4 * 8 + 4);
            try (SafetensorsFile st = SafetensorsFile.open(file)) {
                assertThat(st.names()).containsExactly("z.weight", "a.ids", "scalar", "empty");
                assertThat(st.metadata()).containsExactly(Map.entry("format", "pt"), Map.entry("note", "ünïcode ✓"));
                assertThat(st.entry("z.weight").dtype()).isEqualTo(SafetensorsDtype.F32);
                assertThat(st.entry("z.weight").shape()).containsExactly(2, 3);
                assertThat(st.entry("a.ids").dtype()).isEqualTo(SafetensorsDtype.I64);
                NDArray w = st.loadFloat32("z.weight", m);
                assertThat(w.getShape()).isEqualTo(new Shape(2, 3));
                float[] back = w.toFloatArray();
                for (int i = 0; i < special.length; i++) {
                    assertThat(Float.floatToRawIntBits(back[i])).isEqualTo(Float.floatToRawIntBits(special[i]));
                }
                assertThat(st.loadInt64("a.ids")).containsExactly(7, -1, Long.MAX_VALUE, 0);
                NDArray scalar = st.loadFloat32("scalar", m);
                assertThat(scalar.getShape()).isEqualTo(new Shape());
                assertThat(scalar.getFloat()).isEqualTo(42.5f);
                assertThat(st.loadFloat32("empty", m).getShape()).isEqualTo(new Shape(0, 3));
            }
        }
    }

    @Test
    void loadedArraysAreWritableAndOutliveTheFile() throws Exception {
        Path file = SafetensorsBytes.write(dir, "w.safetensors",
                SafetensorsBytes.of("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", SafetensorsBytes.floats(4)));
        try (NDManager m = Engines.newManager()) {
            NDArray w;
            try (SafetensorsFile st = SafetensorsFile.open(file)) {
                w = st.loadFloat32("w", m);
            }
            w.addi(1f);
            assertThat(w.toFloatArray()).containsExactly(1.5f, 2.5f, 3.5f, 4.5f);
        }
    }

    @Test
    void halfBfloatAndDoubleTensorsLoadAsFloat32() throws Exception {
        ByteBuffer data = ByteBuffer.allocate(3 * 2 + 2 * 2 + 2 * 8).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x3555); // F16 1, -2, 0.33325195
        data.putShort((short) 0x4049).putShort((short) 0xBF80); // BF16 3.140625, -1
        data.putDouble(0.1).putDouble(-1e300); // F64, the second beyond float range
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,6]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1,2],\"data_offsets\":[6,10]},"
                + "\"d\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[10,26]}}";
        Path file = SafetensorsBytes.write(dir, "half.safetensors", SafetensorsBytes.of(header, data.array()));
        try (NDManager m = Engines.newManager(); SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.loadFloat32("h", m).toFloatArray()).containsExactly(1f, -2f, 0.333251953125f);
            NDArray b = st.loadFloat32("b", m);
            assertThat(b.getShape()).isEqualTo(new Shape(1, 2));
            assertThat(b.toFloatArray()).containsExactly(3.140625f, -1f);
            assertThat(st.loadFloat32("d", m).toFloatArray()).containsExactly(0.1f, Float.NEGATIVE_INFINITY);
        }
    }

    @Test
    void askingForTheWrongKindOfTensorNamesTheTensorAndItsDtype() throws Exception {
        String header = "{\"ids\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"mask\":{\"dtype\":\"BOOL\",\"shape\":[4],\"data_offsets\":[16,20]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[20,24]}}";
        Path file = SafetensorsBytes.write(dir, "kinds.safetensors", SafetensorsBytes.of(header, new byte[24]));
        try (NDManager m = Engines.newManager(); SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThatThrownBy(() -> st.loadFloat32("ids", m)).isInstanceOf(DlforgeException.class)
                    .hasMessageContaining("'ids'").hasMessageContaining("I64").hasMessageContaining("not a float type");
            assertThatThrownBy(() -> st.loadFloat32("mask", m)).isInstanceOf(DlforgeException.class).hasMessageContaining("BOOL");
            assertThatThrownBy(() -> st.loadInt64("w")).isInstanceOf(DlforgeException.class)
                    .hasMessageContaining("'w'").hasMessageContaining("F32").hasMessageContaining("not an integer type");
            assertThatThrownBy(() -> st.entry("missing")).isInstanceOf(DlforgeException.class)
                    .hasMessageContaining("no tensor 'missing'").hasMessageContaining(file.toString());
            assertThat(st.loadInt64("ids")).containsExactly(0, 0);
        }
    }

    @Test
    void aHeaderWithNoTensorsOpensEmpty() throws Exception {
        Path file = SafetensorsBytes.write(dir, "empty.safetensors", SafetensorsBytes.of("{\"__metadata__\":{\"k\":\"v\"}}  ", new byte[0]));
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertThat(st.names()).isEmpty();
            assertThat(st.metadata()).containsEntry("k", "v");
        }
    }

    @Test
    void writingRefusesTheReservedMetadataName() {
        try (NDManager m = Engines.newManager()) {
            Map<String, NDArray> tensors = Map.of("__metadata__", m.create(1f));
            assertThatThrownBy(() -> SafetensorsWriter.write(dir.resolve("x.safetensors"), tensors, Map.of()))
                    .isInstanceOf(DlforgeException.class).hasMessageContaining("__metadata__");
            assertThat(dir.resolve("x.safetensors")).doesNotExist();
        }
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> SafetensorsFile.open(dir.resolve("nope.safetensors")))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("does not exist");
    }
}
