package dev.dlforge.cli.toy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.cli.Dlforge;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.testing.Browser;
import dev.dlforge.serve.Chromium;
import dev.dlforge.serve.StudioServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The project kit's promise: {@link BlobsProject} is one file and one services line, edited nowhere else, and it
 * trains, resumes, evaluates and predicts from the CLI, is listed by {@code dlforge projects}, answers on the HTTP API
 * and has a working demo in the studio's gallery (a real studio, a real browser).
 */
@Browser
class ToyProjectTest {
    @TempDir
    Path tmp;

    @Test
    void aToyProjectAppearsEverywhereWithoutAnEditElsewhere() throws Exception {
        assertThat(cli("projects")).containsPattern("blobs +B +(built, not trained|trained: [0-9.]+) +two blobs told apart by an MLP");
        Path run = tmp.resolve("run");
        String train = cli("train", "blobs", "--out", run.toString());
        assertThat(train).contains("run: " + run).contains("test_accuracy");
        assertThat(cli("projects")).containsPattern("blobs +B +trained: 0\\.(8[5-9]|9[0-9])[0-9]{2}");
        assertThat(cli("train", "--resume", run.toString(), "--epochs", "4")).contains("resuming " + run);
        assertThat(Json.MAPPER.readTree(run("eval", run.toString(), "--json")[0]).get("test_accuracy").asDouble()).isGreaterThanOrEqualTo(0.85);
        assertThat(cli("predict", run.toString(), "--text", "2 2", "--text", "-2 -2")).contains("\"2 2\":  high 1.000").contains("\"-2 -2\":  low 1.000");
        assertThat(cli("train", "blobs", "--model", "cnn")).contains("has no model 'cnn'").contains("choose one of: mlp");

        try (StudioServer studio = StudioServer.start()) {
            String url = studio.server().url();
            HttpClient http = HttpClient.newHttpClient();
            String answer = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/models/blobs/predict"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("1.5, 2")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(Json.MAPPER.readValue(answer, Map.class)).containsEntry("model", "blobs").containsKey("run");
            assertThat(Json.MAPPER.readTree(answer).at("/result/type").asText()).isEqualTo("classes");
            assertThat(Json.MAPPER.readTree(answer).at("/result/label").asText()).isEqualTo("high");

            WebDriver browser = Chromium.open(tmp.resolve("profile"));
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
                browser.get(url + "/studio/");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.card[data-project='blobs']"))).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("text-input"))).sendKeys("-1.8 -2.2");
                browser.findElement(By.id("text-submit")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("top-label"), "low"));
                assertThat(browser.findElement(By.cssSelector(".answered-by")).getText()).startsWith("answered by run ");
            } finally {
                browser.quit();
            }
        }
    }

    /** The command's stdout, then its stderr; it must succeed unless it fails with an error message. */
    private static String cli(String... args) {
        String[] printed = run(args);
        return printed[0] + printed[1];
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Dlforge.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        String[] printed = {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        assertThat(code == 0 || printed[1].contains("error: ")).as(String.join(" ", args) + "\n" + printed[0] + printed[1]).isTrue();
        return printed;
    }
}
