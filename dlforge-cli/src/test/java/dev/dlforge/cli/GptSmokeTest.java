package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/** The gpt project through the real CLI: a few iterations on Moby-Dick (npm, cached after the first test). */
@EndToEnd
class GptSmokeTest {
    @TempDir
    Path tmp;

    @Test
    void gptTrainsOnCharactersResumesAndReports() throws Exception {
        Path run = tmp.resolve("gpt-run");
        Cli train = Cli.run("train", "gpt", "--limit", "24", "--epochs", "1", "--batch-size", "4", "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.out()).contains("tokens/s").contains("4 layers, 4 heads, 128 channels")
                // --limit 24: 24 training windows (24 x 64 + 1 tokens), validation its ~1/9 share, one pass = 6 iterations of 4
                .contains(": 24 / 3 training / validation windows of 64 tokens (1,537 / 193 tokens); 6 iterations of 4 x 64");
        Cli more = Cli.run("train", "--resume", run.toString(), "--epochs", "2");
        assertThat(more.exitCode()).as(more.toString()).isZero();

        JsonNode info = Json.MAPPER.readTree(run.resolve("run.json").toFile());
        assertThat(info.get("status").asText()).isEqualTo("completed");
        Map<?, ?> metrics = Json.readFile(run.resolve("metrics.json"), Map.class);
        double loss = ((Number) metrics.get("val_loss")).doubleValue();
        assertThat(((Number) metrics.get("val_perplexity")).doubleValue()).isCloseTo(Math.exp(loss), within(1e-6 * Math.exp(loss)));
        assertThat(loss).as("12 steps already beat a uniform guess over ~84 characters (4.43 nats)").isLessThan(4.4);
        assertThat(((Number) metrics.get("iterations")).intValue()).isEqualTo(12);
        assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(3);
        String report = Files.readString(run.resolve("report.md"));
        assertThat(report).contains("nanoGPT reports 1.88").contains("| 0.5 |").contains("| 1.2 |").contains("KV cache");
        assertThat(ImageIO.read(run.resolve("plots/loss.png").toFile())).isNotNull();
        assertThat(run.resolve("model/chars.json")).isNotEmptyFile();

        Cli eval = Cli.run("eval", run.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        JsonNode full = Json.MAPPER.readTree(eval.out());
        // eval scores every token of the run's validation split (--limit 24's: 3 windows of 64), not sampled batches
        assertThat(full.get("val_tokens").asDouble()).isEqualTo(3 * 64);
        assertThat(full.get("val_loss").asDouble()).isCloseTo(loss, within(0.3));
        assertThat(full.get("val_perplexity").asDouble()).isCloseTo(Math.exp(full.get("val_loss").asDouble()), within(1e-6 * Math.exp(4.4)));
    }

    @Test
    void gptTrainsABpeTokenizerOnTheTrainingText() throws Exception {
        Path run = tmp.resolve("bpe-run");
        Cli train = Cli.run("train", "gpt", "--model", "bpe", "--limit", "6", "--epochs", "1", "--batch-size", "2", "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.out()).contains("bpe tokens (vocabulary 2,048)");
        assertThat(run.resolve("model/tokenizer.json")).isNotEmptyFile();
    }

    @Test
    void anUnknownModelIsAClearError() {
        Cli model = Cli.run("train", "gpt", "--model", "lstm", "--out", tmp.resolve("x").toString());
        assertThat(model.exitCode()).isEqualTo(1);
        assertThat(model.toString()).contains("no model 'lstm'").contains("choose one of: char, bpe");
    }
}
