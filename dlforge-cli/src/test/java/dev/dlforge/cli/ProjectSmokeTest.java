package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.io.Json;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/**
 * Every built project through the real CLI for a few batches: data from the real sources (cached
 * after the first test), training, report, evaluation, prediction.
 */
@EndToEnd
class ProjectSmokeTest {
    @TempDir
    Path tmp;

    /** A dark "7" on white paper, as a user would photograph it. */
    static Path drawnDigit(Path file) throws Exception {
        BufferedImage img = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 160);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 140));
        g.drawString("7", 20, 140);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    static void assertRunFolder(Path run, int epochs, List<String> plots) throws Exception {
        JsonNode info = Json.MAPPER.readTree(run.resolve("run.json").toFile());
        assertThat(info.get("status").asText()).isEqualTo("completed");
        Map<?, ?> metrics = Json.readFile(run.resolve("metrics.json"), Map.class);
        assertThat(((Number) metrics.get("test_accuracy")).doubleValue()).isBetween(0.0, 1.0);
        assertThat(((Number) metrics.get("epochs")).intValue()).isEqualTo(epochs);
        List<String> history = Files.readAllLines(run.resolve("history.csv"));
        assertThat(history).hasSize(epochs + 1);
        assertThat(history.get(0)).startsWith("epoch,learning_rate,seconds,rss_mb,train_loss,train_accuracy,val_loss,val_accuracy");
        String report = Files.readString(run.resolve("report.md"));
        for (String plot : plots) {
            assertThat(report).contains("plots/" + plot);
            BufferedImage png = ImageIO.read(run.resolve("plots").resolve(plot).toFile());
            assertThat(png).as(plot).isNotNull();
            assertThat(png.getWidth()).isGreaterThan(100);
        }
        assertThat(Files.list(run.resolve("checkpoints"))).isNotEmpty();
        JsonNode card = Json.MAPPER.readTree(run.resolve("model/model.json").toFile());
        assertThat(card.get("labels")).hasSize(10);
        assertThat(run.resolve("model/weights.bin")).isNotEmptyFile();
    }

    @Test
    void digitsTrainsEvaluatesAndPredictsThroughTheCli() throws Exception {
        Path run = tmp.resolve("digits-run");
        Cli train = Cli.run("train", "digits", "--limit", "400", "--epochs", "3", "--batch-size", "32", "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.out()).contains("run: " + run).contains("test_accuracy");
        assertRunFolder(run, 3, List.of("loss.png", "accuracy.png", "confusion.png", "filters.png"));
        // 400 images of all ten digits learn far beyond chance (0.64-0.77 over seeds; one class alone gave 0.25).
        double accuracy = ((Number) Json.readFile(run.resolve("metrics.json"), Map.class).get("test_accuracy")).doubleValue();
        assertThat(accuracy).isGreaterThan(0.4);

        Cli eval = Cli.run("eval", run.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        double saved = ((Number) Json.readFile(run.resolve("metrics.json"), Map.class).get("test_accuracy")).doubleValue();
        assertThat(Json.MAPPER.readTree(eval.out()).get("test_accuracy").asDouble()).isEqualTo(saved);

        Cli predict = Cli.run("predict", run.toString(), drawnDigit(tmp.resolve("seven.png")).toString());
        assertThat(predict.exitCode()).as(predict.toString()).isZero();
        assertThat(predict.out()).matches("(?s).*seven\\.png:(  [0-9] [01]\\.[0-9]{3}){3}\\s*");

        Cli runs = Cli.run("runs");
        assertThat(runs.exitCode()).isZero();
        assertThat(runs.out()).contains("digits/digits-run").contains("completed");
    }

    @Test
    void digitsMlpRendersItsFirstLayerAsDigitSizedImages() throws Exception {
        Path run = tmp.resolve("mlp-run");
        Cli train = Cli.run("train", "digits", "--model", "mlp", "--limit", "300", "--epochs", "1", "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(Files.readString(run.resolve("report.md"))).contains("What the network learned");
        // 64 units of 28x28 at 3x, 16 per row.
        assertThat(ImageIO.read(run.resolve("plots/filters.png").toFile()).getWidth()).isGreaterThan(16 * 84);
    }

    @Test
    void fashionTrainsAndReportsThroughTheCli() throws Exception {
        Path run = tmp.resolve("fashion-run");
        Cli train = Cli.run("train", "fashion", "--limit", "600", "--epochs", "1", "--batch-size", "64", "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertRunFolder(run, 1, List.of("loss.png", "accuracy.png", "confusion.png", "misclassified.png"));
        Cli projects = Cli.run("projects");
        assertThat(projects.out()).containsPattern("fashion +B +trained: 0\\.[0-9]{4}").contains("gpt").contains("planned");
    }

    @Test
    void spamComparesItsModelsAndReadsAnEmlFileThroughTheCli() throws Exception {
        Path run = tmp.resolve("spam-run");
        Cli train = Cli.run("train", "spam", "--limit", "1000", "--epochs", "2", "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.out()).contains("served model: ").contains("report: ");
        Map<?, ?> metrics = Json.readFile(run.resolve("metrics.json"), Map.class);
        for (String model : List.of("naive-bayes", "tfidf-logreg", "embedding-bag")) {
            assertThat(run.resolve("models").resolve(model).resolve("model.json")).isRegularFile();
            assertThat(((Number) metrics.get(model + "_test_auc")).doubleValue()).as(model).isBetween(0.0, 1.0);
        }
        // 300 mails (about 200 to learn from) already separate spam well; a model stuck on one class scores 0.
        assertThat(((Number) metrics.get("test_f1")).doubleValue()).isGreaterThan(0.6);
        String report = Files.readString(run.resolve("report.md"));
        assertThat(report).contains("Models side by side").contains("Worst mistakes").contains("(served)");
        for (String plot : List.of("roc.png", "pr.png", "confusion-naive-bayes.png", "loss-embedding-bag.png")) {
            assertThat(report).contains("plots/" + plot);
            assertThat(ImageIO.read(run.resolve("plots").resolve(plot).toFile())).as(plot).isNotNull();
        }
        assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(3);

        Cli eval = Cli.run("eval", run.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        JsonNode evaluated = Json.MAPPER.readTree(eval.out());
        assertThat(evaluated.get("test_f1").asDouble()).isEqualTo(((Number) metrics.get("test_f1")).doubleValue());
        assertThat(evaluated.has("naive-bayes_test_f1")).isTrue();

        Path eml = tmp.resolve("offer.eml");
        Files.write(eml, ("From: \"Prize Desk\" <win@lucky-offers.biz>\r\nSubject: =?utf-8?Q?You_have_WON!?=\r\n"
                + "Content-Type: text/html; charset=windows-1252\r\n\r\n<p>Claim your FREE prize now! Click here \u0080</p>\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Cli predict = Cli.run("predict", run.toString(), eml.toString(), "--text", "see you at the meeting tomorrow");
        assertThat(predict.exitCode()).as(predict.toString()).isZero();
        assertThat(predict.out()).containsPattern("offer\\.eml:  (spam|ham) [01]\\.[0-9]{3}  (spam|ham) [01]\\.[0-9]{3}")
                .contains("see you at the meeting");

        // Any bytes are some mail: random binary and one 10 MB line get an answer, not a crash.
        byte[] junk = new byte[200_000];
        new java.util.Random(1).nextBytes(junk);
        Path binary = Files.write(tmp.resolve("junk.eml"), junk);
        Path longLine = Files.writeString(tmp.resolve("long.eml"), "Subject: hi\r\n\r\n" + "buy ".repeat(2_500_000));
        Cli odd = Cli.run("predict", run.toString(), binary.toString(), longLine.toString());
        assertThat(odd.exitCode()).as(odd.toString()).isZero();
        assertThat(odd.out()).containsPattern("junk\\.eml:  (spam|ham)").containsPattern("long\\.eml:  (spam|ham)");
        // ... but an empty file has nothing to classify (issue 25): refused, not answered.
        Path empty = Files.write(tmp.resolve("empty.eml"), new byte[0]);
        Cli none = Cli.run("predict", run.toString(), empty.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("empty.eml (0 bytes) is empty");
    }

    @Test
    void topicsComparesBagOfWordsWithMiniLmOnHeldOutDocumentsThroughTheCli() throws Exception {
        Path run = tmp.resolve("topics-run");
        // 45 passages: 3 from each genre, each genre's documents split between training and test
        Cli train = Cli.run("train", "topics", "--limit", "45", "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.out()).contains("minilm: encoded ").contains("served model: ").contains(": the best validation F1 (");
        Map<?, ?> metrics = Json.readFile(run.resolve("metrics.json"), Map.class);
        for (String model : List.of("naive-bayes", "tfidf-logreg", "minilm")) {
            assertThat(run.resolve("models").resolve(model).resolve("model.json")).isRegularFile();
            assertThat(((Number) metrics.get(model + "_test_f1")).doubleValue()).as(model).isBetween(0.0, 1.0);
        }
        String report = Files.readString(run.resolve("report.md"));
        assertThat(report).contains("Models side by side").contains("F1 per class").contains("science_fiction")
                .contains("whole groups held out").contains("plots/confusion-minilm.png");
        JsonNode card = Json.MAPPER.readTree(run.resolve("model/model.json").toFile());
        assertThat(card.get("labels")).hasSize(15);

        Cli eval = Cli.run("eval", run.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        JsonNode evaluated = Json.MAPPER.readTree(eval.out());
        assertThat(evaluated.get("test_f1").asDouble()).isEqualTo(((Number) metrics.get("test_f1")).doubleValue());
        assertThat(evaluated.has("minilm_test_f1")).isTrue();

        Cli predict = Cli.run("predict", run.toString(), "--text", "The senator said on Tuesday that the county jury would meet again.");
        assertThat(predict.exitCode()).as(predict.toString()).isZero();
        assertThat(predict.out()).contains("The senator said").containsPattern("[a-z_]+ [01]\\.[0-9]{3}");
    }

    @Test
    void dataCommandsDescribeTheRegistry() {
        Cli list = Cli.run("data", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("opencv-digits").contains("fashion-mnist").contains("mnist").contains("cifar-10").contains("spam-assassin");
        Cli info = Cli.run("data", "info", "cifar-10");
        assertThat(info.out()).contains("cifar-10-binary.tar.gz").contains("www.cs.toronto.edu");
    }

    @Test
    void sentimentMeasuresVaderAndTheLstmOnTheHandWrittenSentences() throws Exception {
        Path run = tmp.resolve("sentiment-run");
        Cli train = Cli.run("train", "sentiment", "--limit", "300", "--epochs", "1", "--out", run.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        Map<?, ?> metrics = Json.readFile(run.resolve("metrics.json"), Map.class);
        for (String model : List.of("vader", "lstm")) {
            assertThat(run.resolve("models").resolve(model).resolve("model.json")).isRegularFile();
            assertThat(((Number) metrics.get(model + "_handwritten_negation_accuracy")).doubleValue()).as(model).isBetween(0.0, 1.0);
        }
        // The training labels are VADER's own, so VADER is exact on the test split; on human labels it is good, not perfect.
        assertThat(((Number) metrics.get("vader_test_accuracy")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) metrics.get("vader_handwritten_accuracy")).doubleValue()).isBetween(0.75, 0.95);
        String report = Files.readString(run.resolve("report.md"));
        assertThat(report).contains("Models on the 320 hand-written sentences").contains("negation (");
        assertThat(ImageIO.read(run.resolve("plots").resolve("handwritten-tags.png").toFile())).isNotNull();

        Cli eval = Cli.run("eval", run.toString(), "--json");
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        JsonNode evaluated = Json.MAPPER.readTree(eval.out());
        assertThat(evaluated.get("handwritten_accuracy").asDouble()).isEqualTo(((Number) metrics.get("handwritten_accuracy")).doubleValue());
        assertThat(evaluated.has("lstm_handwritten_accuracy")).isTrue();

        Cli predict = Cli.run("predict", run.toString(), "--text", "What a wonderful, delightful day!");
        assertThat(predict.exitCode()).as(predict.toString()).isZero();
        assertThat(predict.out()).containsPattern("(pos|neg) [01]\\.[0-9]{3}").contains("What a wonderful");
    }
}
