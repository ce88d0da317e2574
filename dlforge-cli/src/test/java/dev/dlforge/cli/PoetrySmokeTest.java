package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The poetry project through the real CLI on a few windows of fortunes' songs-poems (Debian, cached after the first test). */
@EndToEnd
class PoetrySmokeTest {
    @TempDir
    Path tmp;

    @Test
    void poetryTrainsResumesReportsPerplexityAndContinuesAPrompt() throws Exception {
        Path run = tmp.resolve("poetry-run");
        Cli train = Cli.run("train", "poetry", "--limit", "12", "--epochs", "1", "--batch-size", "4", "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.out()).contains("tokens/s").contains("test_perplexity").contains("sample at temperature 0.8")
                .contains(": 12 training windows of 100 character tokens, 1 validation windows"); // --limit 12: validation its 1/18 share
        Cli more = Cli.run("train", "--resume", run.toString(), "--epochs", "2");
        assertThat(more.exitCode()).as(more.toString()).isZero();

        JsonNode info = Json.MAPPER.readTree(run.resolve("run.json").toFile());
        assertThat(info.get("status").asText()).isEqualTo("completed");
        Map<?, ?> metrics = Json.readFile(run.resolve("metrics.json"), Map.class);
        double perplexity = ((Number) metrics.get("test_perplexity")).doubleValue();
        double loss = ((Number) metrics.get("test_loss")).doubleValue();
        assertThat(perplexity).isCloseTo(Math.exp(loss), org.assertj.core.data.Offset.offset(1e-6 * perplexity));
        // 24 windows of 100 characters already beat a uniform guess over the ~90 characters of songs-poems.
        assertThat(perplexity).isBetween(1.0, 80.0);
        assertThat(((Number) metrics.get("epochs")).intValue()).isEqualTo(2);
        List<String> history = Files.readAllLines(run.resolve("history.csv"));
        assertThat(history).hasSize(3);
        assertThat(history.get(0)).contains("train_loss").contains("val_loss").contains("train_perplexity").contains("val_perplexity");
        String report = Files.readString(run.resolve("report.md"));
        assertThat(report).contains("Test perplexity").contains("temperature 0.5").contains("temperature 1.2").contains("The night");
        for (String plot : List.of("perplexity.png", "loss.png")) {
            assertThat(report).contains("plots/" + plot);
            assertThat(ImageIO.read(run.resolve("plots").resolve(plot).toFile())).as(plot).isNotNull();
        }
        assertThat(run.resolve("model/tokenizer.json")).isNotEmptyFile();

        Cli eval = Cli.run("eval", run.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        assertThat(Json.MAPPER.readTree(eval.out()).get("test_perplexity").asDouble()).isCloseTo(perplexity,
                org.assertj.core.data.Offset.offset(1e-4 * perplexity));

        Cli predict = Cli.run("predict", run.toString(), "--text", "The moon");
        assertThat(predict.exitCode()).as(predict.toString()).isZero();
        // the continuation under the quoted prompt, then its counts (the one rendering of generated text)
        assertThat(predict.out()).startsWith("\"The moon\":\n").containsPattern("\\(\\d+ prompt tokens, \\d+ written, finish: (stop|length), ");
        assertThat(predict.out().length()).isGreaterThan("\"The moon\":\n".length() + 100);
    }

    @Test
    void aWordLevelGruKeepsLineBreaksAsTokens() throws Exception {
        Path run = tmp.resolve("word-run");
        Cli train = Cli.run("train", "poetry", "--model", "word-gru", "--limit", "12", "--epochs", "1", "--batch-size", "6",
                "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        List<String> vocabulary = Files.readAllLines(run.resolve("model/vocabulary.txt"));
        assertThat(vocabulary.subList(0, 2)).containsExactly("<pad>", "<unk>");
        assertThat(vocabulary).contains("<nl>", "the", ",");
        assertThat(Files.readString(run.resolve("report.md"))).contains("word-level GRU").contains("temperature 0.8");
    }

    @Test
    void anUnknownModelOrDatasetIsAClearError() {
        Cli model = Cli.run("train", "poetry", "--model", "transformer", "--out", tmp.resolve("x").toString());
        assertThat(model.exitCode()).isEqualTo(1);
        assertThat(model.toString()).contains("no model 'transformer'").contains("word-lstm");
        Cli dataset = Cli.run("train", "poetry", "--dataset", "brown", "--out", tmp.resolve("y").toString());
        assertThat(dataset.exitCode()).isEqualTo(1);
        assertThat(dataset.toString()).contains("cannot train on 'brown'").contains("moby-dick");
    }
}
