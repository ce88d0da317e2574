package dev.dlforge.serve.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.testing.Browser;
import dev.dlforge.llm.serving.SchedulerConfig;
import dev.dlforge.serve.Chromium;
import dev.dlforge.serve.Http;
import dev.dlforge.serve.StudioServer;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.batch.BatchingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page of {@code dlforge llm serve} in real chromium against a real {@link LlmServer}: the tiny random-weight
 * Llama of {@link LlmTestServer} (it writes gibberish, so the tests check the mechanics), paced at 15 ms an iteration
 * so that its tokens arrive over time. The server has an API key: the page is opened once as {@code ?key=KEY}, as
 * docs/STUDIO.md says, and every call it makes carries the key.
 */
@Browser
class ChatPageBrowserTest {
    private static final String KEY = "chat-test-key";
    private static LlmTestServer server;
    private static WebDriver browser;
    private static Http http;

    @TempDir
    static Path profile;

    @BeforeAll
    static void start() {
        ServeConfig config = new ServeConfig("127.0.0.1", 0, KEY, BatchingConfig.defaults(), ServeConfig.DEFAULT_MAX_BODY, 600_000);
        server = new LlmTestServer(config, new SchedulerConfig(8, 4, 64, 4L << 20), LlmTestServer.tinyLlama());
        http = Http.to(server.server.url());
        browser = Chromium.open(profile);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openThePage() {
        server.pace(15);
        browser.get(server.server.url() + "/?key=" + KEY); // redirected to /studio/chat/, the key kept for the tab
        waitFor(Duration.ofSeconds(20), "the model's name", () -> LlmTestServer.NAME.equals(js("return document.getElementById('model-name').textContent")));
    }

    /** Nothing in the console but the 400 the error test asks for (chromium logs every failed response). */
    @AfterEach
    void noConsoleErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(m -> !m.contains("/v1/chat/completions - Failed to load resource: the server responded with a status of 400")).toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    @Test
    void thePageNeedsNoKeyButItsCallsDo() {
        Http.Reply home = http.get("/?key=k");
        assertThat(home.status()).as("/ redirects to the chat page").isEqualTo(302);
        assertThat(home.header("Location")).as("the key goes along").endsWith(LlmServer.CHAT_PAGE + "?key=k");
        Http.Reply page = http.get(LlmServer.CHAT_PAGE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<script type=\"module\" src=\"/studio/chat.js\">");
        assertThat(http.get("/studio/chat.js").status()).isEqualTo(200);
        assertThat(http.post("/v1/chat/completions", "application/json", request("hi", null, 4, 1).toString().getBytes(StandardCharsets.UTF_8))
                .status()).as("no key").isEqualTo(401);
        assertThat(browser.getCurrentUrl()).as("the key left the address bar").endsWith(LlmServer.CHAT_PAGE);
        assertThat(js("return document.getElementById('model-info').textContent")).isEqualTo("llama, context 2,048 tokens.");
        assertThat(js("return document.getElementById('temperature').value + ' ' + document.getElementById('top-p').value"))
                .as("the defaults shown").isEqualTo("1 1");
    }

    @Test
    void tokensStreamInAndAddUpToTheAnswerOfTheSameRequestUnstreamed() throws IOException {
        set("system", "You are a terse pirate.");
        set("seed", "42");
        set("max-tokens", "48");
        // every change to the answer's text, as the page makes it
        js("window.lengths = []; new MutationObserver(() => { const t = document.querySelector('.msg.assistant .text');"
                + " if (t) window.lengths.push(t.textContent.length); }).observe(document.getElementById('conversation'),"
                + " {subtree: true, childList: true, characterData: true});");
        send("Where is the treasure?");
        waitFor(Duration.ofSeconds(60), "the answer's end", () -> (Boolean) js("return !!document.querySelector('.msg.assistant .meta')"));

        String streamed = (String) js("return document.querySelector('.msg.assistant .text').textContent");
        JsonNode whole = complete(request("Where is the treasure?", "You are a terse pirate.", 48, 42));
        assertThat(streamed).as("the streamed text is the whole answer").isEqualTo(whole.at("/choices/0/message/content").asText());
        @SuppressWarnings("unchecked")
        List<Long> lengths = (List<Long>) js("return window.lengths");
        List<Long> distinct = lengths.stream().distinct().toList();
        assertThat(distinct).as("the text grew in steps, never shrank").isSorted().hasSizeGreaterThan(5);
        assertThat(distinct.get(distinct.size() - 1)).isEqualTo(streamed.length());

        JsonNode meta = Json.MAPPER.valueToTree(js("const m = document.querySelector('.msg.assistant .meta').dataset;"
                + " return {finish: m.finish, prompt: m.promptTokens, completion: m.completionTokens};"));
        assertThat(meta.path("finish").asText()).isEqualTo(whole.at("/choices/0/finish_reason").asText());
        assertThat(meta.path("completion").asInt()).isEqualTo(whole.at("/usage/completion_tokens").asInt());
        int prompt = meta.path("prompt").asInt();
        assertThat(prompt).as("the system prompt is in the prompt the template made").isEqualTo(whole.at("/usage/prompt_tokens").asInt())
                .isGreaterThan(complete(request("Where is the treasure?", null, 1, 42)).at("/usage/prompt_tokens").asInt());

        // the next turn sends the conversation: the answer is part of its prompt
        send("And the map?");
        waitFor(Duration.ofSeconds(60), "the second answer", () -> (Long) js("return document.querySelectorAll('.msg.assistant .meta').length") == 2);
        long second = Long.parseLong((String) js("return document.querySelectorAll('.msg.assistant .meta')[1].dataset.promptTokens"));
        assertThat(second).isGreaterThan(prompt + whole.at("/usage/completion_tokens").asInt());
        screenshot("chat.png");

        browser.findElement(By.id("new-chat")).click();
        assertThat(js("return document.querySelectorAll('.msg').length")).isEqualTo(0L);
    }

    @Test
    void stopAbortsTheRequestAndTheServerFreesItsSlot() throws InterruptedException {
        // a seed whose answer runs to max_tokens (a random model may end early): the generation Stop cuts short
        int maxTokens = 400;
        server.pace(0);
        long seed = 0;
        JsonNode whole = null;
        for (long s = 1; s <= 60 && whole == null; s++) {
            JsonNode r = complete(request("Tell me a long story.", null, maxTokens, s));
            if (r.at("/choices/0/finish_reason").asText().equals("length")) {
                seed = s;
                whole = r;
            }
        }
        assertThat(whole).as("a seed among 60 whose answer runs to %d tokens", maxTokens).isNotNull();
        server.pace(15); // 400 paced iterations: 6 s unless stopped
        set("seed", String.valueOf(seed));
        set("max-tokens", String.valueOf(maxTokens));
        long before = server.iterations();
        send("Tell me a long story.");
        waitFor(Duration.ofSeconds(30), "the first tokens", () -> (Long) js("const t = document.querySelector('.msg.assistant .text');"
                + " return t ? t.textContent.length : 0") > 0);
        assertThat(server.server.llm().scheduler().stats().running()).isEqualTo(1);
        browser.findElement(By.id("stop")).click();
        waitFor(Duration.ofSeconds(5), "the stopped mark", () -> "stopped".equals(js("return document.getElementById('chat-status').textContent")));
        waitFor(Duration.ofSeconds(10), "the slot freed", () -> server.server.llm().scheduler().stats().running() == 0);
        long ran = server.iterations() - before;
        assertThat(ran).as("the generation was cancelled, not run to its %d tokens", maxTokens).isLessThan(maxTokens / 2);
        String text = (String) js("return document.querySelector('.msg.assistant .text').textContent");
        String all = whole.at("/choices/0/message/content").asText();
        assertThat(all).as("what came is the start of the whole answer").startsWith(text).isNotEqualTo(text);
        Thread.sleep(300);
        assertThat(js("return document.querySelector('.msg.assistant .text').textContent")).as("no more tokens").isEqualTo(text);
        assertThat(server.iterations() - before).as("nothing more generated").isEqualTo(ran);
        assertThat(js("return document.querySelector('.msg.assistant .meta').dataset.finish")).isEqualTo("stopped");
        assertThat(browser.findElement(By.id("send")).isEnabled()).isTrue();
        assertThat(browser.findElement(By.id("stop")).isEnabled()).isFalse();
    }

    @Test
    void aPromptTooLongForTheContextShowsTheServersError() throws IOException {
        String longMessage = "the quick brown fox jumps over the lazy dog ".repeat(400); // far over 2048 tokens
        js("document.getElementById('message').value = arguments[0];", longMessage);
        browser.findElement(By.id("send")).click();
        waitFor(Duration.ofSeconds(20), "the error", () -> (Boolean) js("return !document.getElementById('chat-error').hidden"));
        screenshot("chat-error.png");
        String error = (String) js("return document.getElementById('chat-error').textContent");
        assertThat(error).contains("maximum context length is 2048 tokens").contains("param: messages").contains("code: context_length_exceeded");
        assertThat(js("return document.querySelectorAll('.msg').length")).as("the failed turn left no bubble").isEqualTo(0L);
        assertThat(js("return document.getElementById('message').value")).as("the message is back in its box").isEqualTo(longMessage);
        assertThat(browser.findElement(By.id("send")).isEnabled()).isTrue();
    }

    @Test
    void onAStudioWithNoLanguageModelThePageSaysSo() {
        try (StudioServer studio = StudioServer.start()) {
            browser.get(studio.server().url() + LlmServer.CHAT_PAGE);
            waitFor(Duration.ofSeconds(20), "the error", () -> (Boolean) js("return !document.getElementById('chat-error').hidden"));
            assertThat(js("return document.getElementById('chat-error').textContent")).isEqualTo(
                    "This server serves no language model.start one with dlforge llm serve MODEL.gguf");
            assertThat(browser.findElement(By.id("send")).isEnabled()).isFalse();
        }
    }

    private static ObjectNode request(String user, String system, int maxTokens, long seed) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        var messages = body.putArray("messages");
        if (system != null) {
            messages.addObject().put("role", "system").put("content", system);
        }
        messages.addObject().put("role", "user").put("content", user);
        body.put("temperature", 1).put("top_p", 1).put("max_tokens", maxTokens).put("seed", seed);
        return body;
    }

    private static JsonNode complete(ObjectNode body) {
        Http.Reply reply = http.post("/v1/chat/completions", "application/json", body.toString().getBytes(StandardCharsets.UTF_8),
                "Authorization", "Bearer " + KEY);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    /** Into target/screenshots, as StudioBrowserTest's. */
    private static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void set(String id, String value) {
        js("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private static void send(String message) {
        browser.findElement(By.id("message")).sendKeys(message);
        browser.findElement(By.id("send")).click();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void waitFor(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, timeout).withMessage(what).until(b -> condition.getAsBoolean());
    }
}
