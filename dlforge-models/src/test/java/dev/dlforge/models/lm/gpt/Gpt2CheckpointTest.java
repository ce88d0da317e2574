package dev.dlforge.models.lm.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.model.SafetensorsFile;
import dev.dlforge.core.model.SafetensorsWriter;
import dev.dlforge.models.lm.LanguageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hugging Face GPT-2 checkpoints through {@link Gpt2Checkpoint}, against the PyTorch fixture in
 * src/test/resources/gpt2-tiny (random weights, float64 reference logits; see make_fixture.py).
 */
class Gpt2CheckpointTest {
    private static final float TOLERANCE = 1e-4f;

    @TempDir
    Path tmp;

    static Path fixture() throws Exception {
        return Path.of(Gpt2CheckpointTest.class.getResource("/gpt2-tiny/config.json").toURI()).getParent();
    }

    @Test
    void fixtureLogitsMatchThePyTorchReferenceOnBothSequences() throws Exception {
        try (NDManager m = Engines.newManager(); SafetensorsFile ref = SafetensorsFile.open(fixture().resolve("reference.safetensors"))) {
            Gpt gpt = Gpt2Checkpoint.load(fixture(), m);
            assertThat(gpt.config()).isEqualTo(new GptConfig(96, 32, 2, 3, 24, 0f, true, true));
            NDArray ids = m.create(ref.loadInt64("input_ids"), new Shape(2, 20));
            NDArray expected = ref.loadFloat32("logits", m);                                   // (2, 20, 96)
            NDArray logits = gpt.forward(new ParameterStore(m, false), new NDList(ids), false).head();
            for (int b = 0; b < 2; b++) {
                float diff = logits.get(b).sub(expected.get(b)).abs().max().getFloat();
                System.out.printf("GPT-2 fixture sequence %d: max |dlforge - PyTorch| = %.3g%n", b, diff);
                assertThat(diff).as("sequence %d: max abs difference %.3g", b, diff).isLessThan(TOLERANCE);
            }
        }
    }

    @Test
    void kvCachedDecodingGivesTheReferenceLogitsAtEveryPosition() throws Exception {
        try (NDManager m = Engines.newManager(); SafetensorsFile ref = SafetensorsFile.open(fixture().resolve("reference.safetensors"))) {
            GptLanguageModel lm = new GptLanguageModel(Gpt2Checkpoint.load(fixture(), m));
            long[] ids = ref.loadInt64("input_ids");
            float[] expected = ref.loadFloat32("logits", m).toFloatArray();                   // (2, 20, 96) flat
            float worst = 0;
            for (int b = 0; b < 2; b++) {
                try (LanguageModel.Session session = lm.newSession(m, true)) {
                    for (int t = 0; t < 20; t++) {
                        float[] got = session.feed(new int[] {(int) ids[b * 20 + t]});
                        for (int v = 0; v < 96; v++) {
                            worst = Math.max(worst, Math.abs(got[v] - expected[(b * 20 + t) * 96 + v]));
                        }
                    }
                }
            }
            System.out.printf("GPT-2 fixture, KV-cached one token at a time: max |dlforge - PyTorch| = %.3g%n", worst);
            assertThat(worst).as("max abs difference %.3g", worst).isLessThan(TOLERANCE);
        }
    }

    @Test
    void savingTheFixtureReproducesItsTensorsAndConfig() throws Exception {
        try (NDManager m = Engines.newManager()) {
            Gpt2Checkpoint.save(Gpt2Checkpoint.load(fixture(), m), tmp);
            try (SafetensorsFile original = SafetensorsFile.open(fixture().resolve("model.safetensors"));
                    SafetensorsFile saved = SafetensorsFile.open(tmp.resolve("model.safetensors"))) {
                assertThat(saved.names()).containsExactlyElementsOf(original.names());
                assertThat(saved.metadata()).containsEntry("format", "pt");
                for (String name : original.names()) {
                    assertThat(saved.loadFloat32(name, m).contentEquals(original.loadFloat32(name, m))).as(name).isTrue();
                }
            }
            assertThat(Gpt2Checkpoint.readConfig(tmp)).isEqualTo(Gpt2Checkpoint.readConfig(fixture()));
        }
    }

    @Test
    void exportThenImportIsBitIdenticalWithoutBiases() throws Exception {
        roundTrip(new GptConfig(13, 12, 2, 2, 8, 0f, false, false));
    }

    @Test
    void exportThenImportIsBitIdenticalWithBiases() throws Exception {
        roundTrip(new GptConfig(13, 12, 3, 4, 8, 0.1f, true, true));
    }

    private void roundTrip(GptConfig config) throws Exception {
        try (NDManager m = Engines.newManager()) {
            Engines.seed(11);
            Gpt original = Gpt.create(config, m);
            for (var p : original.getParameters().values()) {
                p.getArray().addi(m.randomNormal(p.getArray().getShape()).mul(0.3f)); // biases and norms non-trivial too
            }
            Gpt2Checkpoint.save(original, tmp);
            Gpt loaded = Gpt2Checkpoint.load(tmp, m);
            assertThat(loaded.config()).isEqualTo(config);
            var before = original.getParameters();
            var after = loaded.getParameters();
            assertThat(after.keys()).isEqualTo(before.keys());
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.valueAt(i).getArray().contentEquals(before.valueAt(i).getArray())).as(before.keyAt(i)).isTrue();
            }
            NDArray ids = m.create(new int[] {1, 5, 12, 0, 7, 7, 3, 9, 2, 11, 4, 6}).reshape(1, 12);
            NDArray a = original.forward(new ParameterStore(m, false), new NDList(ids), false).head();
            NDArray b = loaded.forward(new ParameterStore(m, false), new NDList(ids), false).head();
            assertThat(b.contentEquals(a)).isTrue();
            assertThat(loaded.parameterCount()).isEqualTo(original.parameterCount());
        }
    }

    @Test
    void halfPrecisionCheckpointsWithoutPrefixAndWithMaskBuffersLoad() throws Exception {
        try (NDManager m = Engines.newManager()) {
            Map<String, NDArray> tensors = fixtureTensors(m);
            Map<String, NDArray> half = new LinkedHashMap<>();
            tensors.forEach((name, t) -> half.put(name.substring("transformer.".length()), t.toType(DataType.FLOAT16, false)));
            half.put("h.0.attn.bias", m.ones(new Shape(1, 1, 32, 32)));          // older files' causal-mask buffers
            half.put("h.1.attn.masked_bias", m.create(-1e4f));
            half.put("lm_head.weight", half.get("wte.weight"));
            Path dir = writeCheckpoint(half);
            Gpt gpt = Gpt2Checkpoint.load(dir, m);
            NDArray expected = tensors.get("transformer.h.1.attn.c_attn.weight").toType(DataType.FLOAT16, false).toType(DataType.FLOAT32, false);
            assertThat(gpt.blocks().get(1).attn().qkv().getParameters().get("weight").getArray().contentEquals(expected.transpose())).isTrue();
        }
    }

    @Test
    void aMissingTensorIsNamed() throws Exception {
        assertBroken(t -> t.remove("transformer.h.1.mlp.c_fc.bias"), "has no tensor transformer.h.1.mlp.c_fc.bias");
    }

    @Test
    void aWrongShapeIsNamedWithBothShapes() throws Exception {
        assertBroken(t -> t.put("transformer.h.0.attn.c_attn.weight", t.get("transformer.h.0.attn.c_attn.weight").transpose()),
                "transformer.h.0.attn.c_attn.weight of shape [72, 24], config.json implies [24, 72]");
    }

    @Test
    void extraTensorsAreListed() throws Exception {
        assertBroken(t -> {
            t.put("transformer.h.2.ln_1.weight", t.get("transformer.h.1.ln_1.weight"));
            t.put("transformer.h.2.ln_1.bias", t.get("transformer.h.1.ln_1.bias"));
        }, "2 tensor(s) a GPT-2 of this config.json does not have: transformer.h.2.ln_1.weight, transformer.h.2.ln_1.bias");
    }

    @Test
    void anUntiedHeadIsRefused() throws Exception {
        assertBroken(t -> t.put("lm_head.weight", t.get("transformer.wte.weight").mul(2)), "lm_head.weight that differs from wte.weight");
    }

    @Test
    void badConfigsAreClearErrors() throws Exception {
        String good = Files.readString(fixture().resolve("config.json"));
        assertConfigError(null, "no config.json");
        assertConfigError("{\"model_type\": \"gpt2\",", "is not readable JSON");
        assertConfigError(good.replace("\"gpt2\"", "\"bert\""), "model_type 'bert', not gpt2");
        assertConfigError(good.replace("1e-05", "1e-06"), "layer_norm_epsilon 1.0E-6");
        assertConfigError(good.replace("gelu_new", "relu"), "activation_function 'relu'");
        assertConfigError(good.replace("\"n_head\": 3", "\"n_head\": 5"), "n_embd 24 must be divisible by n_head 5");
        assertConfigError(good.replace("\"n_embd\": 24", "\"n_embd\": \"wide\""), "needs a positive integer n_embd");
        assertConfigError(good.replace("\"n_inner\": null", "\"n_inner\": 50"), "n_inner 50");
    }

    @Test
    void aFolderWithoutSafetensorsSaysWhatItHolds() throws Exception {
        Files.copy(fixture().resolve("config.json"), tmp.resolve("config.json"));
        Files.writeString(tmp.resolve("pytorch_model.bin"), "pickle");
        try (NDManager m = Engines.newManager()) {
            assertThatThrownBy(() -> Gpt2Checkpoint.load(tmp, m)).isInstanceOf(DlforgeException.class)
                    .hasMessageContaining("holds pytorch_model.bin, not model.safetensors");
        }
    }

    private void assertConfigError(String json, String message) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "config");
        if (json != null) {
            Files.writeString(dir.resolve("config.json"), json);
        }
        assertThatThrownBy(() -> Gpt2Checkpoint.readConfig(dir)).isInstanceOf(DlforgeException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).isNotEmpty());
    }

    private void assertBroken(Consumer<Map<String, NDArray>> damage, String message) throws Exception {
        try (NDManager m = Engines.newManager()) {
            Map<String, NDArray> tensors = fixtureTensors(m);
            damage.accept(tensors);
            Path dir = writeCheckpoint(tensors);
            assertThatThrownBy(() -> Gpt2Checkpoint.load(dir, m)).isInstanceOf(DlforgeException.class).hasMessageContaining(message);
        }
    }

    private static Map<String, NDArray> fixtureTensors(NDManager m) throws Exception {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        try (SafetensorsFile st = SafetensorsFile.open(fixture().resolve("model.safetensors"))) {
            for (String name : st.names()) {
                tensors.put(name, st.loadFloat32(name, m));
            }
        }
        return tensors;
    }

    /** A checkpoint folder with the fixture's config.json and these tensors. */
    private Path writeCheckpoint(Map<String, NDArray> tensors) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "ckpt");
        Files.copy(fixture().resolve("config.json"), dir.resolve("config.json"));
        Map<String, NDArray> contiguous = new LinkedHashMap<>();
        tensors.forEach((name, t) -> contiguous.put(name, t.flatten().reshape(t.getShape())));
        SafetensorsWriter.write(dir.resolve("model.safetensors"), contiguous, Map.of("format", "pt"));
        return dir;
    }
}
