package dev.dlforge.serve.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.image.ImageFiles;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.serving.output.Classes;
import dev.dlforge.projects.vision.ImageClassifier;
import dev.dlforge.projects.vision.ImageClassifierProject;
import dev.dlforge.projects.vision.ImagePredictor;
import dev.dlforge.serve.Chromium;
import dev.dlforge.serve.StudioServer;
import dev.dlforge.serve.TrainedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import dev.dlforge.core.testing.Browser;

/**
 * A digit drawn with the pointer on the studio's draw pad, in headless chromium, reaches the model
 * exactly as the same picture given to {@code dlforge predict} does: the PNG the pad sent is
 * recorded in the page, and the HTTP API's decoding of it and the CLI's reading of it as a file give
 * bit-identical 28x28 inputs, framed like the training digits (values k/255, the digit 20 pixels
 * tall); the answer the demo shows is the CLI's answer.
 */
@Browser
class DrawPadFramingBrowserTest {
    /** Wraps fetch so the page keeps, base64, every body it posts to a predict endpoint. */
    private static final String RECORD_PREDICT_BODIES = """
            window.sentPngs = [];
            const original = window.fetch;
            window.fetch = async (url, options) => {
              if (String(url).includes('/predict') && options && options.body instanceof Blob) {
                const bytes = new Uint8Array(await options.body.arrayBuffer());
                let s = '';
                bytes.forEach(b => s += String.fromCharCode(b));
                window.sentPngs.push(btoa(s));
              }
              return original(url, options);
            };
            """;
    private static StudioServer studio;
    private static RunDir run;

    @TempDir
    Path tmp;

    @BeforeAll
    static void aModelAndAStudio() {
        run = TrainedModels.digits();
        new RunStore(DlforgeHome.current()).pin("digits", run.path().toAbsolutePath().toString());
        studio = StudioServer.start();
    }

    @AfterAll
    static void stop() {
        new RunStore(DlforgeHome.current()).unpin("digits");
        if (studio != null) {
            studio.close();
        }
    }

    @Test
    void theDrawPadAndTheCliFeedTheModelTheSamePixels() throws Exception {
        WebDriver browser = Chromium.open(tmp.resolve("profile"));
        byte[] png;
        String shownLabel;
        double shownPercent;
        try {
            browser.get(studio.server().url() + "/studio/#/project/digits");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            WebElement canvas = wait.until(b -> b.findElements(By.id("draw-canvas")).stream().findFirst().orElse(null));
            ((JavascriptExecutor) browser).executeScript(RECORD_PREDICT_BODIES);
            // A "7", off-centre in the pad's upper left: the top bar, then the down stroke without lifting the pen.
            new Actions(browser).moveToElement(canvas, -100, -90).clickAndHold().moveByOffset(70, 0).moveByOffset(20, 2)
                    .moveByOffset(-25, 60).moveByOffset(-20, 60).release().perform();
            wait.withMessage("no answer from the demo").until(b -> !b.findElements(By.cssSelector("#prediction .answered-by")).isEmpty());
            shownLabel = browser.findElement(By.id("top-label")).getText();
            String answer = browser.findElement(By.cssSelector("#prediction .answer")).getText(); // "Prediction: 7 (93.1%)"
            shownPercent = Double.parseDouble(answer.substring(answer.lastIndexOf('(') + 1, answer.lastIndexOf('%')));
            @SuppressWarnings("unchecked")
            List<String> sent = (List<String>) ((JavascriptExecutor) browser).executeScript("return window.sentPngs");
            assertThat(sent).as("the pad posted its drawing once").hasSize(1);
            png = Base64.getDecoder().decode(sent.get(0));
        } finally {
            browser.quit();
        }

        ImageClassifierProject digits = Catalogue.standard().capable("digits", ImageClassifierProject.class);
        Path file = Files.write(tmp.resolve("drawn.png"), png);
        float[] viaApi;
        try (ImagePredictor predictor = digits.predictor(run.model())) {
            viaApi = predictor.decode(new Payload("image/png", png, Map.of())).pixels();
        }
        float[] viaCli;
        try (ImageClassifier classifier = ImageClassifier.load(digits, run.model())) {
            viaCli = classifier.pixelsOf(ImageFiles.read(file));
        }
        assertThat(viaApi).hasSize(28 * 28);
        assertThat(bits(viaApi)).as("bit-identical model inputs").containsExactly(bits(viaCli));
        int inkRows = 0;
        for (int y = 0; y < 28; y++) {
            boolean ink = false;
            for (int x = 0; x < 28; x++) {
                float v = viaApi[y * 28 + x];
                assertThat(v).isEqualTo(Math.round(v * 255) * (1f / 255f));
                ink |= v > 0.3f;
            }
            inkRows += ink ? 1 : 0;
        }
        assertThat(inkRows).as("the drawing is scaled to the training digits' 20 pixels").isBetween(19, 21);

        Classes cli; // `dlforge predict` sends the file's bytes to the same predictor
        try (ImagePredictor predictor = digits.predictor(run.model())) {
            cli = predictor.predict(List.of(predictor.decode(new Payload("image/png", Files.readAllBytes(file), Map.of("top", "1"), file.toString())))).get(0);
        }
        assertThat(cli.top().get(0).label()).as("the CLI's answer is the demo's").isEqualTo(shownLabel);
        assertThat(cli.top().get(0).probability() * 100).isCloseTo(shownPercent, offset(0.06));
    }

    private static int[] bits(float[] values) {
        int[] b = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = Float.floatToIntBits(values[i]);
        }
        return b;
    }
}
