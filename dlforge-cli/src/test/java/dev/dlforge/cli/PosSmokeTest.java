package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.io.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/** The pos project through the real CLI on a slice of the Brown corpus (npm, cached after the first test). */
@EndToEnd
class PosSmokeTest {
    @TempDir
    Path tmp;

    @Test
    void posTrainsOnBrownEvaluatesAndTagsTypedText() throws Exception {
        Path run = tmp.resolve("pos-run");
        Cli train = Cli.run("train", "pos", "--limit", "300", "--epochs", "2", "--batch-size", "32", "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.out()).contains("tokens/s").contains("test_accuracy");
        // --limit 300: 300 training sentences; validation and test keep Brown's shares (about 1/17 and 1/8 of training)
        Matcher split = Pattern.compile(": 300 / (\\d+) / (\\d+) sentences \\(train / validation / test\\)")
                .matcher(train.out());
        assertThat(split.find()).as(train.out()).isTrue();
        assertThat(Integer.parseInt(split.group(1))).isBetween(10, 30);
        assertThat(Integer.parseInt(split.group(2))).isBetween(20, 60);
        JsonNode info = Json.MAPPER.readTree(run.resolve("run.json").toFile());
        assertThat(info.get("status").asText()).isEqualTo("completed");
        Map<?, ?> metrics = Json.readFile(run.resolve("metrics.json"), Map.class);
        // 300 sentences for two epochs already beat always-NOUN (about 0.25 of Brown's tokens)
        assertThat(((Number) metrics.get("test_accuracy")).doubleValue()).isBetween(0.3, 1.0);
        String report = Files.readString(run.resolve("report.md"));
        for (String plot : new String[] {"loss.png", "accuracy.png", "per_tag_accuracy.png", "confusion.png"}) {
            assertThat(report).contains("plots/" + plot);
            BufferedImage png = ImageIO.read(run.resolve("plots").resolve(plot).toFile());
            assertThat(png).as(plot).isNotNull();
        }
        assertThat(report).contains("`NOUN`").contains("held out by document");
        assertThat(Json.MAPPER.readTree(run.resolve("model/model.json").toFile()).get("labels")).hasSize(12);

        Cli eval = Cli.run("eval", run.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        assertThat(Json.MAPPER.readTree(eval.out()).get("test_accuracy").asDouble())
                .isEqualTo(((Number) metrics.get("test_accuracy")).doubleValue());

        Cli predict = Cli.run("predict", run.toString(), "--text", "The old man saw a dog in the park .");
        assertThat(predict.exitCode()).as(predict.toString()).isZero();
        assertThat(predict.out()).containsPattern("The/[A-Z.]+").containsPattern("park/[A-Z.]+");

        Path lines = tmp.resolve("lines.txt");
        Files.write(lines, new byte[] {'H', 'e', ' ', 'r', 'a', 'n', '.', '\n', '\n', (byte) 0xE9, 't', 'a', 'i', 't', '\n'});
        Cli file = Cli.run("predict", run.toString(), lines.toString());
        assertThat(file.exitCode()).as(file.toString()).isZero();
        assertThat(file.out()).containsPattern("ran/[A-Z.]+");
    }

    @Test
    void conllWithoutDataSaysWhereToPutTheFiles() {
        Cli train = Cli.run("train", "pos", "--dataset", "conll2003", "--out", tmp.resolve("x").toString());
        assertThat(train.exitCode()).isEqualTo(1);
        assertThat(train.toString()).contains("--data").contains("eng.train");
    }
}
