package dev.dlforge.serve.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Trains;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.serve.Chromium;
import dev.dlforge.serve.Http;
import dev.dlforge.serve.StudioServer;
import dev.dlforge.serve.TrainedModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import dev.dlforge.core.testing.Browser;

/**
 * The Runs panel in a real browser: which run answers (marked in the table, named over the demo and
 * under every answer), Pin and Unpin, and how runs read (times to the second, thousands separators,
 * no "limit 0", whole-number epoch ticks, panels of one width). Regression tests: on the previous
 * main the table had no pin, the demo did not say which run answered each request, times carried
 * nanoseconds, counts had no separators and the compare table showed "limit 0".
 */
@Browser
class StudioRunsBrowserTest {
    private static StudioServer studio;
    private static RunDir older;
    private static RunDir newer;

    @TempDir
    Path profile;
    private WebDriver browser;

    @BeforeAll
    static void twoRunsAndAStudio() throws Exception {
        older = TrainedModels.digits();
        TrainOptions defaults = TrainOptions.defaults(new PrintStream(new ByteArrayOutputStream()));
        newer = Catalogue.standard().capable("digits", Trains.class).train(new TrainOptions("mlp", null, null, 2, 32, null, 300, 11L,
                Files.createTempDirectory("dlforge-runs-ui").resolve("digits-newest"), defaults.console(), defaults.stop(), null));
        new RunStore(DlforgeHome.current()).unpin("digits");
        studio = StudioServer.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        new RunStore(DlforgeHome.current()).unpin("digits");
        if (studio != null) {
            studio.studio().jobs().await(120_000); // a resumed run still training would be taken for the next test's run
            studio.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Chromium.open(profile);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void pinningARunMakesItAnswerTheDemoAndTheTableSaysSo() {
        open("/studio/#/project/digits");
        waitFor(By.id("served-run"));
        assertThat(text(By.id("served-run"))).startsWith("Answering: run " + newer.id() + " (the newest completed run)");
        assertThat(row(newer).findElement(By.className("current-mark")).getText()).isEqualTo("● current");

        row(older).findElement(By.className("run-pin")).click();
        wait(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("served-run"),
                "Answering: run " + older.id() + " (pinned)"));
        assertThat(row(older).findElement(By.className("current-mark")).getText()).isEqualTo("● pinned");
        assertThat(row(newer).findElements(By.className("current-mark"))).isEmpty();

        WebElement canvas = browser.findElement(By.id("draw-canvas"));
        new Actions(browser).moveToElement(canvas, 0, -90).clickAndHold().moveByOffset(0, 180).release().perform();
        WebElement answeredBy = wait(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#prediction .answered-by")));
        assertThat(answeredBy.getDomAttribute("data-run")).isEqualTo(older.id());
        assertThat(answeredBy.getText()).isEqualTo("answered by run " + older.id());

        row(older).findElement(By.className("run-unpin")).click();
        wait(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("served-run"),
                "Answering: run " + newer.id() + " (the newest completed run)"));
        assertNoConsoleErrors();
    }

    @Test
    void runsReadAsPeopleReadThem() {
        open("/studio/#/project/digits");
        waitFor(By.cssSelector("table.runs tbody tr"));
        List<WebElement> cells = row(newer).findElements(By.tagName("td"));
        assertThat(cells.get(4).getText()).as("created, to the second").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        int parameters = headers().indexOf("parameters");
        assertThat(parameters).as("a parameters column").isPositive();
        assertThat(cells.get(parameters).getText()).as("thousands separators").matches("\\d{1,3}(,\\d{3})+");

        row(older).findElement(By.className("compare-pick")).click();
        row(newer).findElement(By.className("compare-pick")).click();
        browser.findElement(By.id("compare-button")).click();
        WebElement compare = wait(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#compare table")));
        assertThat(compare.getText()).doesNotContainPattern("limit\\s+0\\b");
        @SuppressWarnings("unchecked")
        List<Number> ticks = (List<Number>) script("const c = document.querySelector('#compare canvas');"
                + " return Chart.getChart(c).scales.x.ticks.map(t => t.value);");
        assertThat(ticks).as("epoch ticks").isNotEmpty().allSatisfy(t -> assertThat(t.doubleValue() % 1).isZero());

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(960, 1100)); // just above the one-column breakpoint
        double gridWidth = ((Number) script("return document.querySelector('.grid').getBoundingClientRect().width")).doubleValue();
        double runsWidth = ((Number) script("return document.getElementById('runs').getBoundingClientRect().width")).doubleValue();
        assertThat(gridWidth).as("the demo/train grid and the Runs panel share one width").isEqualTo(runsWidth);
        assertNoConsoleErrors();
    }

    @Test
    void resumeContinuesAStoppedRunFromTheRunsTable() throws Exception {
        Http http = Http.to(studio.server().url());
        Http.Reply started = http.post("/studio/api/train", "application/json",
                "{\"project\": \"digits\", \"model\": \"mlp\", \"epochs\": 12, \"limit\": 300, \"batchSize\": 32}".getBytes());
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        Http.Reply stop = http.post("/studio/api/train/stop", "application/json", "{}".getBytes());
        assertThat(stop.status()).as(stop.text() + " / job: " + http.get("/studio/api/job").text()).isEqualTo(200);
        studio.studio().jobs().await(60_000);
        assertThat(http.get("/studio/api/job").json().get("status").asText()).isEqualTo("stopped");
        String run = http.get("/studio/api/job").json().get("run").asText();

        open("/studio/#/project/digits");
        String stopped = run;
        wait(Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(b -> {
            b.findElement(By.cssSelector("tr[data-run='" + stopped + "'] .run-resume")).click(); // looked up afresh: the page re-renders
            return true;
        });
        wait(Duration.ofMinutes(2)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the resumed run did not complete: " + text(By.cssSelector("tr[data-run='" + stopped + "']")))
                .until(b -> b.findElement(By.cssSelector("tr[data-run='" + stopped + "']")).getText().contains("completed"));
        assertNoConsoleErrors();
    }

    private void open(String path) {
        browser.get(studio.server().url() + path);
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private void waitFor(By what) {
        wait(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(what));
    }

    private String text(By what) {
        return browser.findElement(what).getText();
    }

    private WebElement row(RunDir run) {
        return browser.findElement(By.cssSelector("table.runs tr[data-run='" + run.id() + "']"));
    }

    private List<String> headers() {
        return browser.findElements(By.cssSelector("table.runs thead th")).stream().map(WebElement::getText).toList();
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private void assertNoConsoleErrors() {
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .isEmpty();
    }
}
