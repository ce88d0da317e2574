package dev.dlforge.serve.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.serve.DlforgeServer;
import dev.dlforge.serve.Http;
import dev.dlforge.serve.Http.Reply;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

/**
 * Spam compares three models and only the embedding network trains batch by batch: the studio's
 * live events say whose curves they are, so that its loss is not read as the served model's. Then
 * the served spam model answers over HTTP at its threshold and says it.
 */
@EndToEnd
class SpamCurveLabelTest {
    private static ModelRegistry registry;
    private static Studio studio;
    private static DlforgeServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        Catalogue catalogue = Catalogue.standard();
        ServeMetrics metrics = new ServeMetrics();
        ServeConfig config = ServeConfig.local(0);
        registry = new ModelRegistry(catalogue, config.batching(), metrics);
        studio = new Studio(catalogue, new RunStore(DlforgeHome.current()), registry, new PrintStream(new ByteArrayOutputStream()));
        server = DlforgeServer.start(config, registry, catalogue, metrics, studio);
        http = Http.to(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
        studio.close();
        registry.close();
    }

    @Test
    void batchAndEpochEventsNameTheModelTheyBelongToAndTheServedModelSaysItsThreshold() throws Exception {
        HttpResponse<InputStream> events = http.client().send(HttpRequest.newBuilder(URI.create(server.url() + "/studio/api/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        Reply started = http.post("/studio/api/train", "application/json",
                "{\"project\": \"spam\", \"epochs\": 1, \"limit\": 300}".getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.text()).isEqualTo(202);

        Set<String> announced = new LinkedHashSet<>();
        List<JsonNode> curves = new ArrayList<>();
        JsonNode end = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && end == null; line = lines.readLine()) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                JsonNode e = Json.MAPPER.readTree(line.substring(5));
                switch (e.get("type").asText()) {
                    case "model" -> announced.add(e.get("model").asText() + " (" + e.get("modelRole").asText() + ")");
                    case "batch", "epoch" -> curves.add(e);
                    case "end" -> end = e;
                    default -> { }
                }
            }
        }
        assertThat(end.get("job").get("status").asText()).as(end.toString()).isEqualTo("completed");
        assertThat(announced).containsExactly("naive-bayes (one of 3 models compared)", "tfidf-logreg (one of 3 models compared)",
                "embedding-bag (one of 3 models compared)");
        assertThat(curves).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("model").asText()).isEqualTo("embedding-bag");
            assertThat(e.get("modelRole").asText()).isEqualTo("one of 3 models compared");
        });

        JsonNode answer = http.post("/v1/models/spam/predict", "text/plain",
                "Please find attached invoice INV-20931 for your purchase order 4500012877.".getBytes(StandardCharsets.UTF_8)).json();
        JsonNode result = answer.get("result");
        assertThat(result.get("threshold").asDouble()).as(answer.toString()).isBetween(0.5, 1.0000001);
        assertThat(result.get("rule").asText()).startsWith("spam ").contains("false-positive rate <= 0.5%");
        double pSpam = 0;
        for (JsonNode s : result.get("top")) {
            pSpam = s.get("label").asText().equals("spam") ? s.get("probability").asDouble() : pSpam;
        }
        assertThat(result.get("label").asText()).isEqualTo(pSpam >= result.get("threshold").asDouble() ? "spam" : "ham");
    }
}
