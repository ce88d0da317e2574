package dev.dlforge.serve.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.dlforge.serve.Chromium;
import dev.dlforge.serve.DlforgeServer;
import dev.dlforge.serve.StudioServer;
import dev.dlforge.serve.TrainedModels;
import dev.dlforge.serve.studio.Studio;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import dev.dlforge.core.testing.Browser;

/**
 * The cross-site attack from a real browser: a page on another origin (another port of loopback)
 * sends the studio a {@code no-cors} text/plain fetch and then submits a text/plain form, both
 * carrying a valid train request. On today's main the fetch started a training (202); now both are
 * refused and no job starts, while the studio's own page still works in the same browser.
 */
@Browser
class CrossSiteBrowserTest {
    @TempDir
    Path profile;

    @Test
    void aPageOnAnotherOriginCannotStartATraining() throws Exception {
        TrainedModels.digits();
        HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try (StudioServer running = StudioServer.start()) {
            Studio studio = running.studio();
            DlforgeServer server = running.server();
            String target = server.url() + "/studio/api/train";
            String page = attackPage(target);
            evil.createContext("/", exchange -> {
                byte[] html = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, html.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(html);
                }
            });
            evil.start();
            WebDriver browser = Chromium.open(profile);
            try {
                browser.get("http://localhost:" + evil.getAddress().getPort() + "/");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                // The form's answer replaces the attack page: the studio's JSON refusal.
                wait.until(b -> b.getCurrentUrl().startsWith(server.url()));
                String shown = browser.findElement(By.tagName("body")).getText();
                assertThat(shown).contains("cross-site request refused");
                assertThat(studio.jobs().current()).as("no training was started by the other origin").isNull();

                browser.get(server.url() + "/studio/#/project/digits");
                wait.until(b -> !b.findElements(By.id("train-form")).isEmpty());
                assertThat(studio.jobs().current()).isNull();
            } finally {
                browser.quit();
                evil.stop(0);
            }
        }
    }

    /** A no-cors fetch, then a text/plain form whose one field spells the JSON of a train request. */
    private static String attackPage(String target) {
        String json = "{\"project\":\"digits\",\"model\":\"mlp\",\"epochs\":1,\"limit\":50}";
        return """
                <!doctype html><html><body>
                <form id="f" method="post" enctype="text/plain" action="%1$s">
                  <input type="hidden" name='{"project":"digits","model":"mlp","epochs":1,"limit":50,"x":"' value='"}'>
                </form>
                <script>
                  const body = '%2$s';
                  fetch('%1$s', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body })
                    .finally(() => setTimeout(() => document.getElementById('f').submit(), 300));
                </script>
                </body></html>
                """.formatted(target, json);
    }
}
