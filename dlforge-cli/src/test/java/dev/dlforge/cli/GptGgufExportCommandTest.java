package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.testing.EndToEnd;
import dev.dlforge.core.text.ByteLevelBpeTrainer;
import dev.dlforge.core.text.CharTokenizer;
import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.DecoderModel.Step;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.GgufFile;
import dev.dlforge.llm.kernel.RowPool;
import dev.dlforge.llm.model.DecoderModels;
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.models.lm.gpt.GptConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `dlforge gpt export RUN OUT --gguf`: a file the pure-Java engine opens with the run's tokenizer and logits. */
@EndToEnd
class GptGgufExportCommandTest {
    private static final String TEXT = "Call me Ishmael. Some years ago, never mind how long precisely.";

    @TempDir
    Path tmp;

    @Test
    void charRunExportsAnF32GgufWithTheRunsLogitsAndTokenizer() throws Exception {
        CharTokenizer chars = CharTokenizer.build(List.of(TEXT));
        Cli cli = exportAndCompare(chars, new GptConfig(chars.vocabSize(), 32, 2, 2, 16, 0f, true, true), null, GgmlType.F32, 1e-5f); // measured 1.1e-6
        assertThat(cli.out()).contains("F32").contains("character tokenizer").contains("dlforge llm serve").doesNotContain("exact GELU");
    }

    @Test
    void bpeRunExportsAnF16GgufAndNotesTheExactGelu() throws Exception {
        Tokenizer bpe = ByteLevelBpeTrainer.train(List.of(TEXT, TEXT.toLowerCase()), 270, List.of());
        // measured 1.5e-3: F16 weights and the exact GELU
        Cli cli = exportAndCompare(bpe, new GptConfig(bpe.vocabSize(), 32, 1, 2, 16, 0f, false, false), "f16", GgmlType.F16, 1e-2f);
        assertThat(cli.out()).contains("F16").contains("byte-level BPE").contains("note: this run uses the exact GELU");
    }

    @Test
    void helpShowsTheOptionsAndBadCombinationsAreClear() throws Exception {
        assertThat(Cli.run("gpt", "export", "--help").out()).contains("--gguf").contains("--type").contains("default: F32")
                .contains("default: false");
        Cli typeAlone = Cli.run("gpt", "export", "some-run", tmp.resolve("out").toString(), "--type", "F16");
        assertThat(typeAlone.exitCode()).isEqualTo(1);
        assertThat(typeAlone.err()).contains("--type F16 is for GGUF files").contains("hint: add --gguf");
        CharTokenizer chars = CharTokenizer.build(List.of("ab"));
        RunDir run;
        try (NDManager m = Engines.newManager()) {
            run = GptRuns.save(Gpt.create(new GptConfig(chars.vocabSize(), 8, 1, 1, 8, 0f, false, false), m), chars);
        }
        Cli q8 = Cli.run("gpt", "export", run.path().toString(), tmp.resolve("q.gguf").toString(), "--gguf", "--type", "Q8_0");
        assertThat(q8.exitCode()).isEqualTo(1);
        assertThat(q8.err()).contains("unknown GGUF export type 'Q8_0'").contains("dlforge quant");
        Cli folder = Cli.run("gpt", "export", run.path().toString(), tmp.toString(), "--gguf");
        assertThat(folder.exitCode()).isEqualTo(1);
        assertThat(folder.err()).contains("is a folder").contains(".gguf");
    }

    /**
     * Saves a random GPT as a run, exports it with {@code --gguf [--type type]}, and checks the file: its tensor type, the
     * engine's tokenizer on {@link #TEXT}, and the engine's logits for a 16-token prompt against DJL's.
     */
    private Cli exportAndCompare(Tokenizer tokenizer, GptConfig config, String type, GgmlType expectedType, float tolerance) throws Exception {
        Path file = tmp.resolve("run.gguf");
        try (NDManager m = Engines.newManager()) {
            Engines.seed(21);
            Gpt gpt = Gpt.create(config, m);
            for (var p : gpt.getParameters().values()) {
                p.getArray().addi(m.randomNormal(p.getArray().getShape()).mul(0.3f));
            }
            RunDir run = GptRuns.save(gpt, tokenizer);
            List<String> args = new java.util.ArrayList<>(List.of("gpt", "export", run.path().toString(), file.toString(), "--gguf"));
            if (type != null) {
                args.addAll(List.of("--type", type));
            }
            Cli cli = Cli.run(args.toArray(String[]::new));
            assertThat(cli.exitCode()).as(cli.toString()).isZero();
            try (GgufFile g = GgufFile.open(file)) {
                assertThat(g.requireTensor("blk.0.attn_qkv.weight").type()).isEqualTo(expectedType);
                assertThat(g.metadata().requireString("general.name")).isEqualTo(run.id());
            }
            int[] ids = tokenizer.encode(TEXT);
            int[] prompt = java.util.Arrays.copyOf(ids, 16);
            NDArray input = m.create(prompt).reshape(1, prompt.length);
            float[] djl = gpt.forward(new ParameterStore(m, false), new NDList(input), false).head().get(0, prompt.length - 1).toFloatArray();
            try (RowPool pool = new RowPool(2); DecoderModel model = DecoderModels.open(file, pool)) {
                assertThat(model.tokenizer().encode(TEXT, false, false)).containsExactly(ids);
                assertThat(model.tokenizer().decode(ids)).isEqualTo(TEXT);
                KvCache cache = model.newCache(4L << 20);
                float[] ours = model.forward(cache, List.of(new Step(cache.newSequence(new int[0]), prompt)))[0];
                float worst = 0;
                for (int v = 0; v < djl.length; v++) {
                    worst = Math.max(worst, Math.abs(ours[v] - djl[v]));
                }
                System.out.printf("dlforge gpt export --gguf %s: last-token logits max |engine - DJL| = %.3g%n", expectedType, worst);
                assertThat(worst).isLessThan(tolerance);
            }
            return cli;
        }
    }
}
