package dev.dlforge.llm.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.llm.tensor.RowCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GgufQuantiserTest {
    @TempDir
    Path dir;

    private static Map<String, GgmlType> types(GgufFile g) {
        Map<String, GgmlType> m = new LinkedHashMap<>();
        g.tensors().forEach(t -> m.put(t.name(), t.type()));
        return m;
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"Q4_0", "Q4_1", "Q8_0", "Q6_K", "Q5_K", "F16", "BF16"})
    void everyWeightMatrixGetsTheTargetNormsStayF32AndOutputFollowsLlamaCpp(GgmlType target) throws Exception {
        Path in = TinyLlamaFiles.write(dir.resolve("in.gguf"), false);
        Path out = dir.resolve("out.gguf");
        List<String> told = new ArrayList<>();
        GgufQuantiser.Summary s = GgufQuantiser.quantise(in, out, target, (t, type, done) -> told.add(t.name()));
        try (GgufFile g = GgufFile.open(out); GgufFile src = GgufFile.open(in)) {
            assertThat(told).hasSize(src.tensors().size());
            assertThat(g.metadata().integer("general.file_type")).hasValue(new QuantRules(target, src.tensors()).fileType());
            assertThat(g.metadata().integer("general.quantization_version")).hasValue(2);
            assertThat(g.metadata().string("general.name")).hasValue("tiny");
            GgmlType output = !target.quantised() ? target : target == GgmlType.Q8_0 ? GgmlType.Q8_0 : GgmlType.Q6_K;
            for (TensorInfo t : g.tensors()) {
                GgmlType expected = t.name().endsWith("_norm.weight") ? GgmlType.F32 : t.name().equals("output.weight") ? output : target;
                assertThat(t.type()).as(t.name()).isEqualTo(expected);
                float[] original = TinyLlamaFiles.values(t.name(), (int) t.elements());
                byte[] bytes = new byte[(int) t.byteSize()];
                g.data(t).get(bytes);
                assertThat(bytes).as(t.name()).isEqualTo(RowCodec.of(t.type()).quantise(original));
            }
            assertThat(s.requantised()).isEqualTo(g.tensors().size() - 2 * TinyLlamaFiles.LAYERS - 1);
        }
    }

    @Test
    void tiedEmbeddingsGetTheOutputTypeAndQ4KBumpsTheFirstAttnV() throws Exception {
        Path in = TinyLlamaFiles.write(dir.resolve("tied.gguf"), true);
        Path out = dir.resolve("q4k.gguf");
        GgufQuantiser.quantise(in, out, GgmlType.Q4_K, (t, type, done) -> { });
        try (GgufFile g = GgufFile.open(out)) {
            Map<String, GgmlType> types = types(g);
            assertThat(types.get("token_embd.weight")).isEqualTo(GgmlType.Q6_K);
            assertThat(types.get("blk.0.attn_v.weight")).isEqualTo(GgmlType.Q5_K);
            assertThat(types.get("blk.1.attn_v.weight")).isEqualTo(GgmlType.Q5_K);
            assertThat(types.get("blk.0.ffn_down.weight")).as("2 layers: n/8 = 0, no bump").isEqualTo(GgmlType.Q4_K);
            assertThat(types.get("blk.1.attn_q.weight")).isEqualTo(GgmlType.Q4_K);
            assertThat(g.metadata().integer("general.file_type")).hasValue(14);
        }
    }

    @Test
    void aQuantisedInputIsDequantisedFirstAndTheResultReadsBack() throws Exception {
        Path in = TinyLlamaFiles.write(dir.resolve("in.gguf"), false);
        Path q8 = dir.resolve("q8.gguf");
        Path q4 = dir.resolve("q4.gguf");
        GgufQuantiser.quantise(in, q8, GgmlType.Q8_0, (t, type, done) -> { });
        GgufQuantiser.quantise(q8, q4, GgmlType.Q4_0, (t, type, done) -> { });
        try (GgufFile a = GgufFile.open(q8); GgufFile b = GgufFile.open(q4)) {
            TensorInfo t8 = a.requireTensor("blk.0.attn_q.weight");
            float[] fromQ8 = RowCodec.of(GgmlType.Q8_0).dequantise(a.data(t8), (int) t8.elements());
            TensorInfo t4 = b.requireTensor("blk.0.attn_q.weight");
            byte[] bytes = new byte[(int) t4.byteSize()];
            b.data(t4).get(bytes);
            assertThat(bytes).isEqualTo(RowCodec.of(GgmlType.Q4_0).quantise(fromQ8));
        }
    }
}
