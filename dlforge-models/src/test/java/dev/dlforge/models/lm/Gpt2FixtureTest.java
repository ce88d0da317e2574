package dev.dlforge.models.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.SafetensorsDtype;
import dev.dlforge.core.model.SafetensorsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch-made GPT-2 fixture (src/test/resources/gpt2-tiny, made by make_fixture.py) reads with
 * dlforge's safetensors reader and has the Hugging Face GPT-2 layout its config describes.
 */
class Gpt2FixtureTest {
    private static Path fixture(String name) throws Exception {
        return Path.of(Gpt2FixtureTest.class.getResource("/gpt2-tiny/" + name).toURI());
    }

    @Test
    void modelHoldsEveryGpt2TensorUnderItsHuggingFaceNameAndShape() throws Exception {
        JsonNode config = Json.MAPPER.readTree(Files.readString(fixture("config.json")));
        assertThat(config.get("model_type").asText()).isEqualTo("gpt2");
        assertThat(config.get("activation_function").asText()).isEqualTo("gelu_new");
        assertThat(config.get("layer_norm_epsilon").asDouble()).isEqualTo(1e-5);
        int v = config.get("vocab_size").asInt();
        int t = config.get("n_positions").asInt();
        int c = config.get("n_embd").asInt();
        int layers = config.get("n_layer").asInt();
        assertThat(c % config.get("n_head").asInt()).isZero();

        List<String> expected = new ArrayList<>(List.of("transformer.wte.weight", "transformer.wpe.weight"));
        try (SafetensorsFile st = SafetensorsFile.open(fixture("model.safetensors")); NDManager m = Engines.newManager()) {
            assertShape(st, "transformer.wte.weight", v, c);
            assertShape(st, "transformer.wpe.weight", t, c);
            for (int i = 0; i < layers; i++) {
                String p = "transformer.h." + i + ".";
                expected.addAll(List.of(p + "ln_1.weight", p + "ln_1.bias", p + "attn.c_attn.weight", p + "attn.c_attn.bias",
                        p + "attn.c_proj.weight", p + "attn.c_proj.bias", p + "ln_2.weight", p + "ln_2.bias",
                        p + "mlp.c_fc.weight", p + "mlp.c_fc.bias", p + "mlp.c_proj.weight", p + "mlp.c_proj.bias"));
                assertShape(st, p + "ln_1.weight", c);
                assertShape(st, p + "ln_1.bias", c);
                // Conv1D keeps weights as (in, out)
                assertShape(st, p + "attn.c_attn.weight", c, 3 * c);
                assertShape(st, p + "attn.c_attn.bias", 3 * c);
                assertShape(st, p + "attn.c_proj.weight", c, c);
                assertShape(st, p + "attn.c_proj.bias", c);
                assertShape(st, p + "ln_2.weight", c);
                assertShape(st, p + "ln_2.bias", c);
                assertShape(st, p + "mlp.c_fc.weight", c, 4 * c);
                assertShape(st, p + "mlp.c_fc.bias", 4 * c);
                assertShape(st, p + "mlp.c_proj.weight", 4 * c, c);
                assertShape(st, p + "mlp.c_proj.bias", c);
            }
            expected.addAll(List.of("transformer.ln_f.weight", "transformer.ln_f.bias"));
            assertShape(st, "transformer.ln_f.weight", c);
            assertShape(st, "transformer.ln_f.bias", c);
            // lm_head.weight is tied to wte and, as Hugging Face saves GPT-2, absent
            assertThat(st.names()).containsExactlyElementsOf(expected);
            assertThat(st.metadata()).containsEntry("format", "pt");
            for (String name : st.names()) {
                assertThat(st.entry(name).dtype()).as(name).isEqualTo(SafetensorsDtype.F32);
                NDArray a = st.loadFloat32(name, m);
                // random, not zero or constant: every tensor matters to the reference logits
                float std = a.sub(a.mean()).square().mean().sqrt().getFloat();
                assertThat(std).as(name).isGreaterThan(0.05f);
            }
        }
    }

    @Test
    void referenceHoldsTokenIdsAndLogitsOfMatchingShapes() throws Exception {
        try (SafetensorsFile st = SafetensorsFile.open(fixture("reference.safetensors")); NDManager m = Engines.newManager()) {
            assertThat(st.names()).containsExactly("input_ids", "logits");
            assertThat(st.metadata()).containsEntry("forward_dtype", "float64");
            assertThat(st.entry("input_ids").dtype()).isEqualTo(SafetensorsDtype.I64);
            assertThat(st.entry("input_ids").shape()).containsExactly(2, 20);
            long[] ids = st.loadInt64("input_ids");
            assertThat(ids).hasSize(40);
            assertThat(Arrays.stream(ids).allMatch(id -> id >= 0 && id < 96)).isTrue();
            assertThat(st.entry("logits").dtype()).isEqualTo(SafetensorsDtype.F32);
            NDArray logits = st.loadFloat32("logits", m);
            assertThat(logits.getShape()).isEqualTo(new Shape(2, 20, 96));
            assertThat(logits.isInfinite().any().getBoolean() || logits.isNaN().any().getBoolean()).isFalse();
        }
    }

    private static void assertShape(SafetensorsFile st, String name, long... shape) {
        assertThat(st.entry(name).shape()).as(name).containsExactly(shape);
    }
}
