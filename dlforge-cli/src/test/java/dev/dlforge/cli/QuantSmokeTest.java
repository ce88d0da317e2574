package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.testing.EndToEnd;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.GgufFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quant project through the real CLI with tiny settings: a few batches of the mini Llama on Moby-Dick, the F32
 * export quantised to every type, each file measured, the table written as JSON, markdown and a plot.
 */
@EndToEnd
class QuantSmokeTest {
    @TempDir
    Path tmp;

    @Test
    void quantTrainsExportsQuantisesAndTabulates() throws Exception {
        Path run = tmp.resolve("quant-run");
        Cli train = Cli.run("train", "quant", "--model", "llama-mini", "--limit", "8", "--epochs", "1", "--batch-size", "2",
                "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.out()).contains("training llama (dim 256, 2 layers, GQA 4/2, FFN 512").contains("measuring 8 files");

        JsonNode table = Json.MAPPER.readTree(run.resolve("quant-table.json").toFile());
        List<String> types = new ArrayList<>();
        table.get("rows").forEach(r -> types.add(r.get("type").asText()));
        assertThat(types).containsExactly("F32", "F16", "Q8_0", "Q6_K", "Q5_K", "Q4_K", "Q4_1", "Q4_0");
        JsonNode f32 = table.get("rows").get(0);
        JsonNode f16 = table.get("rows").get(1);
        assertThat(f16.get("bytes").asLong()).isLessThan(f32.get("bytes").asLong() * 6 / 10);
        assertThat(f16.get("perplexity").asDouble()).isCloseTo(f32.get("perplexity").asDouble(), within(0.01 * f32.get("perplexity").asDouble()));
        for (JsonNode r : table.get("rows")) {
            assertThat(r.get("perplexity").asDouble()).as(r.get("type").asText()).isGreaterThan(1.0).isFinite();
            assertThat(r.get("tokensPerSecond").asDouble()).isPositive();
        }
        assertThat(table.get("ordering_holds").isBoolean()).isTrue();

        try (GgufFile g = GgufFile.open(run.resolve("model/model-q4_k.gguf"))) {
            assertThat(g.architecture()).isEqualTo("llama");
            assertThat(g.requireTensor("blk.1.ffn_up.weight").type()).isEqualTo(GgmlType.Q4_K);
        }
        String report = Files.readString(run.resolve("report.md"));
        assertThat(report).contains("| type | size (MB) | perplexity | change vs F32 | decode tokens/s |").contains("| Q4_K |")
                .contains("llama.cpp's ordering").contains("plots/quant.png");
        assertThat(ImageIO.read(run.resolve("plots/quant.png").toFile())).isNotNull();
        JsonNode info = Json.MAPPER.readTree(run.resolve("run.json").toFile());
        assertThat(info.get("status").asText()).isEqualTo("completed");

        Cli eval = Cli.run("eval", run.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        JsonNode measured = Json.MAPPER.readTree(eval.out());
        // eval re-reads the run's files and held-out tokens: the same figures as the table
        assertThat(measured.get("q4_0_perplexity").asDouble()).isCloseTo(table.get("rows").get(7).get("perplexity").asDouble(),
                within(1e-6 * f32.get("perplexity").asDouble()));
        assertThat(measured.get("f32_perplexity").asDouble()).isCloseTo(f32.get("perplexity").asDouble(),
                within(1e-6 * f32.get("perplexity").asDouble()));

        Cli projects = Cli.run("projects");
        assertThat(projects.out()).containsPattern("quant +P +trained");
    }
}
