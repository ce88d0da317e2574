package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.GgufFile;
import dev.dlforge.llm.gguf.GgufValue;
import dev.dlforge.llm.gguf.GgufWriter;
import dev.dlforge.llm.gguf.TensorInfo;
import dev.dlforge.llm.tensor.RowCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantCommandTest {
    @TempDir
    Path dir;

    private static float[] values(String name, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.sin(i * 0.37 + name.length());
        }
        return x;
    }

    /** A one-layer Llama-shaped F32 model with llama.cpp's tensor names (hidden 256, vocabulary 32). */
    private Path tinyModel() throws Exception {
        GgufWriter w = new GgufWriter().put("general.architecture", "llama").put("llama.block_count", GgufValue.ofUint32(1));
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("token_embd.weight", new long[] {256, 32});
        shapes.put("blk.0.attn_norm.weight", new long[] {256});
        shapes.put("blk.0.attn_q.weight", new long[] {256, 256});
        shapes.put("blk.0.ffn_down.weight", new long[] {512, 256});
        shapes.put("output_norm.weight", new long[] {256});
        shapes.put("output.weight", new long[] {256, 32});
        shapes.forEach((name, shape) -> {
            int n = (int) (shape.length == 1 ? shape[0] : shape[0] * shape[1]);
            ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values(name, n)) {
                b.putFloat(v);
            }
            w.tensor(name, GgmlType.F32, shape, b.flip());
        });
        Path file = dir.resolve("tiny-f32.gguf");
        w.write(file);
        return file;
    }

    @Test
    void quantisesEveryWeightMatrixAsLlamaCppDoesAndSaysWhatItWrote() throws Exception {
        Path in = tinyModel();
        Path out = dir.resolve("tiny-q4_0.gguf");
        Cli cli = Cli.run("quant", in.toString(), out.toString(), "--type", "q4_0");
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("quantised 4 of 6 tensors to Q4_0 (general.file_type 2)").contains("(F32 x2, Q4_0 x3, Q6_K x1)");
        try (GgufFile g = GgufFile.open(out)) {
            assertThat(g.metadata().integer("general.file_type")).hasValue(2);
            assertThat(g.metadata().string("general.architecture")).hasValue("llama");
            Map<String, GgmlType> types = new LinkedHashMap<>();
            g.tensors().forEach(t -> types.put(t.name(), t.type()));
            assertThat(types).containsExactly(Map.entry("token_embd.weight", GgmlType.Q4_0), Map.entry("blk.0.attn_norm.weight", GgmlType.F32),
                    Map.entry("blk.0.attn_q.weight", GgmlType.Q4_0), Map.entry("blk.0.ffn_down.weight", GgmlType.Q4_0),
                    Map.entry("output_norm.weight", GgmlType.F32), Map.entry("output.weight", GgmlType.Q6_K));
            TensorInfo q = g.requireTensor("blk.0.attn_q.weight");
            byte[] bytes = new byte[(int) q.byteSize()];
            g.data(q).get(bytes);
            assertThat(bytes).isEqualTo(RowCodec.of(GgmlType.Q4_0).quantise(values(q.name(), 256 * 256)));
        }
    }

    @Test
    void helpShowsTheDefaultTypeAndTheRules() {
        Cli cli = Cli.run("quant", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("Default: Q4_0").contains("IN.gguf").contains("output.weight");
    }

    @Test
    void badInputsSayWhatIsWrongAndWhatToDo() throws Exception {
        Path notGguf = Files.writeString(dir.resolve("notes.gguf"), "these are not weights");
        Cli bad = Cli.run("quant", notGguf.toString(), dir.resolve("o.gguf").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("error: cannot quantise").contains("not a GGUF file").contains("hint: ");
        Cli missing = Cli.run("quant", dir.resolve("absent.gguf").toString(), dir.resolve("o.gguf").toString());
        assertThat(missing.err()).contains("error: no model file").contains("hint: ");
        Cli type = Cli.run("quant", tinyModel().toString(), dir.resolve("o.gguf").toString(), "--type", "Q3_K");
        assertThat(type.exitCode()).isEqualTo(1);
        assertThat(type.err()).contains("unknown type 'Q3_K'").contains("Q4_K");
        assertThat(dir.resolve("o.gguf")).doesNotExist();
    }
}
