package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.core.text.ByteLevelBpeTrainer;
import dev.dlforge.core.text.CharTokenizer;
import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.models.lm.gpt.GptConfig;
import dev.dlforge.projects.gpt.GptModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/** `dlforge gpt export` then `dlforge gpt import` gives a run whose model computes the original's logits. */
@EndToEnd
class GptCommandTest {
    private static final String TEXT = "Call me Ishmael. Some years ago, never mind how long precisely.";

    @TempDir
    Path tmp;

    @Test
    void charRunExportsAndImportsBackToTheSameLogits() throws Exception {
        CharTokenizer chars = CharTokenizer.build(List.of(TEXT));
        Cli exported = exportThenCheckImport(chars, new GptConfig(chars.vocabSize(), 16, 2, 2, 8, 0f, false, false));
        assertThat(exported.out()).contains("note: Hugging Face has no character tokenizer");
        assertThat(tmp.resolve("hf/chars.json")).exists();
    }

    @Test
    void bpeRunExportsATokenizerJsonAndImportsBack() throws Exception {
        Tokenizer bpe = ByteLevelBpeTrainer.train(List.of(TEXT, TEXT.toLowerCase()), 270, List.of());
        exportThenCheckImport(bpe, new GptConfig(bpe.vocabSize(), 16, 1, 2, 8, 0f, true, true));
        assertThat(tmp.resolve("hf/tokenizer.json")).exists();
    }

    @Test
    void importWithoutATokenizerAsksForOne() throws Exception {
        CharTokenizer chars = CharTokenizer.build(List.of(TEXT));
        exportThenCheckImport(chars, new GptConfig(chars.vocabSize(), 16, 1, 2, 8, 0f, false, false));
        Path chosen = Files.move(tmp.resolve("hf/chars.json"), tmp.resolve("elsewhere.json"));
        Cli missing = Cli.run("gpt", "import", tmp.resolve("hf").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("has no tokenizer").contains("hint: pass one with --tokenizer FILE");
        Cli given = Cli.run("gpt", "import", tmp.resolve("hf").toString(), "--tokenizer", chosen.toString(), "--name", "tiny");
        assertThat(given.exitCode()).as(given.toString()).isZero();
        assertThat(runOf(given).info().recipe().get("name").asText()).isEqualTo("tiny");
    }

    @Test
    void helpAndBadFoldersAreClear() {
        assertThat(Cli.run("gpt", "--help").out()).contains("export").contains("import");
        assertThat(Cli.run("gpt", "import", "--help").out()).contains("--tokenizer");
        Cli none = Cli.run("gpt", "import", tmp.resolve("nothing").toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).startsWith("error: no folder").contains("hint: ");
        Cli noRun = Cli.run("gpt", "export", tmp.resolve("no-run").toString(), tmp.resolve("out").toString());
        assertThat(noRun.exitCode()).isEqualTo(1);
        assertThat(noRun.err()).contains("no run");
    }

    /** Saves a random GPT as a gpt run, exports it, imports the export, and compares logits and tokenizers. */
    private Cli exportThenCheckImport(Tokenizer tokenizer, GptConfig config) throws Exception {
        try (NDManager m = Engines.newManager()) {
            Engines.seed(21);
            Gpt gpt = Gpt.create(config, m);
            for (var p : gpt.getParameters().values()) {
                p.getArray().addi(m.randomNormal(p.getArray().getShape()).mul(0.3f));
            }
            RunDir run = GptRuns.save(gpt, tokenizer);

            Cli exported = Cli.run("gpt", "export", run.path().toString(), tmp.resolve("hf").toString());
            assertThat(exported.exitCode()).as(exported.toString()).isZero();
            assertThat(tmp.resolve("hf/model.safetensors")).exists();
            assertThat(tmp.resolve("hf/config.json")).exists();
            Cli imported = Cli.run("gpt", "import", tmp.resolve("hf").toString());
            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            assertThat(imported.out()).containsPattern("imported .* as run gpt/\\S+: [\\d,]+ parameters");

            RunDir copy = runOf(imported);
            assertThat(copy.info().status()).isEqualTo("imported");
            assertThat(copy.info().recipe().get("schema").asInt()).as("written with RecipeJson").isEqualTo(1);
            assertThat(copy.info().recipe().get("gpt").get("nLayer").asInt()).isEqualTo(config.nLayer());
            Cli eval = Cli.run("eval", copy.path().toString());
            assertThat(eval.exitCode()).isEqualTo(1);
            assertThat(eval.err()).contains("was imported from").contains("not trained by dlforge").contains("hint: generate with it");
            assertThat(ModelArtifact.readCard(copy.model()).architecture()).isEqualTo("gpt2");
            assertThat(GptModelFiles.config(copy.model())).isEqualTo(config);
            assertThat(GptModelFiles.tokenizer(copy.model()).encode(TEXT)).isEqualTo(tokenizer.encode(TEXT));
            Gpt back = GptModelFiles.load(copy.model(), m);
            int[] ids = tokenizer.encode(TEXT.substring(0, 16));
            NDArray input = m.create(ids).reshape(1, ids.length);
            NDArray before = gpt.forward(new ParameterStore(m, false), new NDList(input), false).head();
            NDArray after = back.forward(new ParameterStore(m, false), new NDList(input), false).head();
            assertThat(after.contentEquals(before)).as("logits of the imported run equal the original's").isTrue();
            return exported;
        }
    }

    private static RunDir runOf(Cli imported) {
        Matcher id = Pattern.compile("(?m)^run (\\S+)$").matcher(imported.out());
        assertThat(id.find()).as(imported.toString()).isTrue();
        return new RunStore(DlforgeHome.current()).resolve("gpt/" + id.group(1));
    }
}
