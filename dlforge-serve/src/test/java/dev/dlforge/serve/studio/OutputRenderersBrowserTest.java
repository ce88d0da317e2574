package dev.dlforge.serve.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.io.Json;
import dev.dlforge.core.testing.Browser;
import dev.dlforge.projects.serving.output.Boxes;
import dev.dlforge.projects.serving.output.Output;
import dev.dlforge.projects.serving.output.Picture;
import dev.dlforge.serve.Chromium;
import dev.dlforge.serve.StudioServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio's boxes and picture renderers, which no built project answers with yet (detection, style
 * transfer and GANs will), in a real browser on the real studio's renderers.js, fed the JSON the Java
 * output types write. A served demo is out of reach here: the studio serves only the catalogue's
 * projects, and a test cannot add one to {@code Catalogue.standard()}.
 */
@Browser
class OutputRenderersBrowserTest {
    private static final String RENDER = "const [json, picture, done] = arguments;"
            + " import('/studio/renderers.js').then(m => { const t = document.createElement('div'); t.id = 'render-target';"
            + " document.getElementById('render-target')?.remove(); document.body.append(t);"
            + " m.render(t, JSON.parse(json), picture ? { picture } : {}); done('ok'); }).catch(e => done(String(e)));";
    private static final String PIXEL = "const c = document.getElementById(arguments[0]); const [x, y] = [arguments[1], arguments[2]];"
            + " const d = (c.tagName === 'CANVAS' ? c : Object.assign(document.createElement('canvas'), { width: c.naturalWidth, height: c.naturalHeight }));"
            + " if (d !== c) d.getContext('2d').drawImage(c, 0, 0); return Array.from(d.getContext('2d').getImageData(x, y, 1, 1).data).slice(0, 3);";
    @TempDir
    static java.nio.file.Path profile;
    private static StudioServer studio;
    private static WebDriver browser;

    @BeforeAll
    static void open() {
        studio = StudioServer.start();
        browser = Chromium.open(profile);
        browser.get(studio.server().url() + "/studio/");
    }

    @AfterAll
    static void close() {
        browser.quit();
        studio.close();
    }

    @Test
    void boxesAreDrawnOverThePictureThatWasSentAndListed() {
        BufferedImage sent = filled(80, 60, Color.BLUE);
        Boxes found = new Boxes(80, 60, List.of(new Boxes.Box("plate", 0.91, 10, 20, 40, 20), new Boxes.Box("car", 0.5, 50, 5, 25, 50)));
        render(found, "data:image/png;base64," + Base64.getEncoder().encodeToString(Picture.png(sent).image()));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> "2".equals(js("return document.getElementById('boxes-canvas').dataset.drawn")));

        assertThat(browser.findElements(By.cssSelector("#boxes-list li")).stream().map(e -> e.getAttribute("data-label"))).containsExactly("plate", "car");
        assertThat(browser.findElement(By.cssSelector("#boxes-list li")).getText()).isEqualTo("plate 91.0% at (10, 20), 40x20");
        List<Long> plate = swatch(0);
        assertThat(pixel("boxes-canvas", 10, 30)).as("the plate's left edge in its colour").satisfies(p -> near(p, plate));
        assertThat(pixel("boxes-canvas", 30, 20)).as("its top edge").satisfies(p -> near(p, plate));
        assertThat(pixel("boxes-canvas", 50, 30)).as("the car's left edge in its own colour").satisfies(p -> near(p, swatch(1)));
        assertThat(pixel("boxes-canvas", 30, 30)).as("inside a box: the picture sent").containsExactly(0L, 0L, 255L);
        assertThat(pixel("boxes-canvas", 2, 58)).as("outside the boxes: the picture sent").containsExactly(0L, 0L, 255L);
        assertThat(plate).isNotEqualTo(swatch(1));
    }

    @Test
    void boxesWithoutAPictureAreDrawnOnABlankOfItsSizeAndNoBoxesIsSaid() {
        render(new Boxes(30, 20, List.of(new Boxes.Box("face", 0.7, 5, 5, 10, 10))), null);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> "1".equals(js("return document.getElementById('boxes-canvas').dataset.drawn")));
        assertThat(js("const c = document.getElementById('boxes-canvas'); return [c.width, c.height]")).isEqualTo(List.of(30L, 20L));
        assertThat(pixel("boxes-canvas", 25, 15)).containsExactly(255L, 255L, 255L);
        assertThat(pixel("boxes-canvas", 5, 10)).satisfies(p -> near(p, swatch(0)));
        render(new Boxes(30, 20, List.of()), null);
        assertThat(browser.findElement(By.id("boxes-list")).getText()).isEqualTo("Nothing found.");
    }

    @Test
    void aMadePictureIsShownWithItsSize() {
        BufferedImage made = filled(7, 5, Color.GREEN);
        made.setRGB(6, 4, Color.RED.getRGB());
        render(Picture.png(made), null);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> Boolean.TRUE.equals(js(
                "const i = document.getElementById('picture-output'); return i.complete && i.naturalWidth > 0")));
        assertThat(js("const i = document.getElementById('picture-output'); return [i.naturalWidth, i.naturalHeight]")).isEqualTo(List.of(7L, 5L));
        assertThat(pixel("picture-output", 0, 0)).containsExactly(0L, 255L, 0L);
        assertThat(pixel("picture-output", 6, 4)).containsExactly(255L, 0L, 0L);
        assertThat(browser.findElement(By.id("picture-size")).getText()).isEqualTo("7x5, image/png");
    }

    @Test
    void anUnknownTypeIsSaidOnThePage() {
        Object done = ((JavascriptExecutor) browser).executeAsyncScript(RENDER, Json.write(Map.of("type", "audio", "seconds", 2)), null);
        assertThat(done).isEqualTo("ok");
        assertThat(browser.findElement(By.id("unknown-output")).getText()).contains("cannot show answers of type \"audio\"").contains("\"seconds\": 2");
    }

    private static void render(Output output, String picture) {
        Object done = ((JavascriptExecutor) browser).executeAsyncScript(RENDER, Json.write(output), picture);
        assertThat(done).as("renderers.js loaded and ran").isEqualTo("ok");
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> pixel(String id, int x, int y) {
        return (List<Long>) js(PIXEL, id, x, y);
    }

    /** The rgb of the {@code i}-th listed box's swatch, the colour its outline is drawn in. */
    @SuppressWarnings("unchecked")
    private static List<Long> swatch(int i) {
        return (List<Long>) js("const s = getComputedStyle(document.querySelectorAll('#boxes-list .swatch')[arguments[0]]).backgroundColor;"
                + " return s.match(/\\d+/g).slice(0, 3).map(Number);", i);
    }

    private static void near(List<? extends Long> pixel, List<Long> colour) {
        for (int c = 0; c < 3; c++) {
            assertThat(Math.abs(pixel.get(c) - colour.get(c))).as(pixel + " vs " + colour).isLessThanOrEqualTo(3L);
        }
    }

    private static BufferedImage filled(int w, int h, Color c) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, c.getRGB());
            }
        }
        return image;
    }
}
