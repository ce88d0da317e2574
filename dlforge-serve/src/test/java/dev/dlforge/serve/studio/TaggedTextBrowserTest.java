package dev.dlforge.serve.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Trains;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.serve.Chromium;
import dev.dlforge.serve.StudioServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import dev.dlforge.core.testing.Browser;

/**
 * The pos demo in a real browser: a long tagged sentence wraps inside its panel instead of running
 * off its edge. Regression test: on the previous main the tagged words had no break between them and
 * a long sentence was clipped.
 */
@Browser
class TaggedTextBrowserTest {
    @TempDir
    Path profile;

    @Test
    void aLongTaggedSentenceWrapsInsideTheDemo() throws Exception {
        TrainOptions defaults = TrainOptions.defaults(new PrintStream(new ByteArrayOutputStream()));
        Catalogue.standard().capable("pos", Trains.class).train(new TrainOptions(null, null, null, 1, 32, null, 300, 3L,
                Files.createTempDirectory("dlforge-pos-ui").resolve("pos"), defaults.console(), defaults.stop(), null));
        WebDriver browser = Chromium.open(profile);
        try (StudioServer studio = StudioServer.start()) {
            browser.get(studio.server().url() + "/studio/#/project/pos");
            WebElement box = new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("text-input")));
            box.sendKeys("The committee of the large northern county said on Tuesday that the long awaited report on the state of"
                    + " the roads , bridges and schools of the region would be published before the end of the next month .");
            browser.findElement(By.id("text-submit")).click();
            WebElement tagged = new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("tagged")));
            JavascriptExecutor js = (JavascriptExecutor) browser;
            long lines = (Long) js.executeScript("const ys = new Set([...arguments[0].querySelectorAll('.tagged-token')]"
                    + ".map(t => Math.round(t.getBoundingClientRect().top))); return ys.size;", tagged);
            assertThat(lines).as("the sentence spans several lines").isGreaterThan(1);
            Object overflow = js.executeScript("const panel = document.getElementById('demo').getBoundingClientRect();"
                    + " return [...arguments[0].querySelectorAll('.tagged-token')].some(t => t.getBoundingClientRect().right > panel.right);", tagged);
            assertThat(overflow).as("no tagged word beyond the demo panel's edge").isEqualTo(false);
        } finally {
            browser.quit();
        }
    }
}
