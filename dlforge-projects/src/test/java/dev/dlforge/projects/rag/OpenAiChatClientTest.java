package dev.dlforge.projects.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible client against a JDK {@link HttpServer} started here that answers in the
 * chat-completions shape. It stands in for an external service (OpenAI, vLLM, llama.cpp), which cannot
 * run in this build; the client code under test is the real one, over real HTTP.
 */
class OpenAiChatClientTest {
    private HttpServer server;
    private final AtomicReference<String> reply = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<String> lastRequest = new AtomicReference<>();
    private final AtomicReference<String> lastAuth = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            lastRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            lastAuth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = reply.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static String completion(String content) {
        return "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + Json.MAPPER.valueToTree(content) + "},\"finish_reason\":\"stop\"}]}";
    }

    @Test
    void sendsTheModelSystemAndUserMessagesAndReadsTheReply() throws Exception {
        reply.set(completion("Ahab commanded it [2]."));
        var client = new OpenAiChatClient(base(), "sk-test", "tiny-model", Duration.ofSeconds(5));
        assertThat(client.complete("be brief", "who?")).isEqualTo("Ahab commanded it [2].");
        var sent = Json.MAPPER.readTree(lastRequest.get());
        assertThat(sent.get("model").asText()).isEqualTo("tiny-model");
        assertThat(sent.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(sent.get("messages").get(1).get("content").asText()).isEqualTo("who?");
        assertThat(lastAuth.get()).isEqualTo("Bearer sk-test");
    }

    @Test
    void aRejectedKeyIsReportedAsSuch() {
        status.set(401);
        reply.set("{\"error\":{\"message\":\"Incorrect API key provided\"}}");
        var client = new OpenAiChatClient(base(), "wrong", "m", Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.complete("s", "u")).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("Incorrect API key")
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("--llm-key"));
    }

    @Test
    void otherStatusesAndMalformedBodiesAreClearErrors() {
        var client = new OpenAiChatClient(base(), "", "m", Duration.ofSeconds(5));
        status.set(500);
        reply.set("model crashed");
        assertThatThrownBy(() -> client.complete("s", "u")).hasMessageContaining("HTTP 500").hasMessageContaining("model crashed");
        status.set(200);
        reply.set("{not json");
        assertThatThrownBy(() -> client.complete("s", "u")).hasMessageContaining("malformed JSON");
        reply.set("{\"choices\": []}");
        assertThatThrownBy(() -> client.complete("s", "u")).hasMessageContaining("choices[0].message.content");
    }

    @Test
    void aRefusedConnectionAndATimeoutAreClearErrors() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        var refused = new OpenAiChatClient("http://127.0.0.1:" + freePort + "/v1", "", "m", Duration.ofSeconds(5));
        assertThatThrownBy(() -> refused.complete("s", "u")).isInstanceOf(DlforgeException.class).hasMessageContaining("could not connect");
        server.createContext("/slow/chat/completions", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        var slow = new OpenAiChatClient("http://127.0.0.1:" + server.getAddress().getPort() + "/slow", "", "m", Duration.ofMillis(300));
        assertThatThrownBy(() -> slow.complete("s", "u")).isInstanceOf(DlforgeException.class).hasMessageContaining("did not answer within");
    }

    @Test
    void badUrlsAndAMissingModelAreRefusedUpFront() {
        assertThatThrownBy(() -> new OpenAiChatClient("ftp://x", "", "m", Duration.ofSeconds(1))).hasMessageContaining("not a usable URL");
        assertThatThrownBy(() -> new OpenAiChatClient(base(), "", " ", Duration.ofSeconds(1))).hasMessageContaining("needs a model name");
        assertThat(OpenAiChatClient.endpoint("http://h:1/v1/").toString()).isEqualTo("http://h:1/v1/chat/completions");
    }

    @Test
    void theGroundedPromptNumbersTheSourcesAndCitationsAreRead() {
        var p = new Answer.Passage("The Pequod was a whaling ship.", new Citation("/d/ships.html", "The Pequod", 0, 0, 30), 0.5);
        var q = new Answer.Passage("A harpoon strikes.", new Citation("/d/a.pdf", "", 3, 0, 18), 0.4);
        String prompt = GroundedGenerator.prompt("Who?", List.of(p, q));
        assertThat(prompt).contains("[1] (ships.html) The Pequod was a whaling ship.", "[2] (a.pdf, page 3) A harpoon strikes.")
                .endsWith("Question: Who?");
        assertThat(GroundedGenerator.cited("Ahab [2], see [1] and [7].", 2)).containsExactly(1, 2);
    }
}
