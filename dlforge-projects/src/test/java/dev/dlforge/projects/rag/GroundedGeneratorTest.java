package dev.dlforge.projects.rag;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.dlforge.core.io.Json;
import dev.dlforge.models.retrieval.ChunkIndexWriter;
import dev.dlforge.models.retrieval.MiniLmEmbedder;
import dev.dlforge.models.text.MiniLmEncoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grounded answers end to end: {@link SampleDocs} in a real index, retrieval, the prompt, a real HTTP
 * round trip through {@link OpenAiChatClient} to a JDK {@link HttpServer} standing in for a
 * chat-completions endpoint (none can run in the build), and the citations read back.
 */
class GroundedGeneratorTest {
    @TempDir
    static Path tmp;
    private static MiniLmEncoder encoder;
    private static ChunkIndexWriter index;
    private static HttpServer server;
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        encoder = MiniLmEncoder.open();
        index = ChunkIndexWriter.open(tmp.resolve("index"), new MiniLmEmbedder(encoder));
        RagIndexer.miniLm(encoder).index(List.of(SampleDocs.write(tmp.resolve("docs"))), index);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(body);
            // Answers like a model that follows the instruction: it cites the source holding "Ahab", and one that does not exist.
            String user = Json.MAPPER.readTree(body).get("messages").get(1).get("content").asText();
            int source = user.substring(0, user.indexOf("Ahab")).split("\n\\[").length - 1;
            String reply = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                    + Json.MAPPER.valueToTree("Captain Ahab commanded the Pequod [" + source + "] [9].") + "}}]}";
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        index.close();
        encoder.close();
    }

    private static GroundedGenerator generator() {
        var client = new OpenAiChatClient("http://127.0.0.1:" + server.getAddress().getPort() + "/v1", null, "tiny",
                Duration.ofSeconds(10));
        return new GroundedGenerator(new ExtractiveAnswerer(index.reader(), ExtractiveAnswerer.Config.defaults()), client);
    }

    @Test
    void thePromptCarriesTheNumberedSourcesAndTheReplyCitesThem() throws Exception {
        requests.clear();
        GroundedGenerator.GroundedAnswer a = generator().answer("Who commanded the Pequod?");
        assertThat(requests).hasSize(1);
        var sent = Json.MAPPER.readTree(requests.get(0)).get("messages");
        assertThat(sent.get(0).get("content").asText()).isEqualTo(GroundedGenerator.INSTRUCTION);
        String user = sent.get(1).get("content").asText();
        assertThat(user).startsWith("Sources:\n[1] (").contains("(ships.html) ").endsWith("\nQuestion: Who commanded the Pequod?");

        int ships = a.sources().stream().map(p -> p.citation().fileName()).toList().indexOf("ships.html") + 1;
        assertThat(ships).isPositive();
        assertThat(a.text()).isEqualTo("Captain Ahab commanded the Pequod [" + ships + "] [9].");
        assertThat(a.cited()).as("[9] is not a source given").containsExactly(ships);
        assertThat(a.render()).contains("Sources:").contains("[" + ships + "] ").contains("ships.html").contains("(cited)");
    }

    @Test
    void theGeneratorIsNotAskedWhenTheDocumentsDoNotAnswer() {
        requests.clear();
        GroundedGenerator.GroundedAnswer a = generator().answer("How do I bake sourdough bread at home?");
        assertThat(requests).as("no request when retrieval is not confident").isEmpty();
        assertThat(a.text()).isEqualTo(Answer.NO_ANSWER);
        assertThat(a.render()).contains("Closest passages:");
    }
}
