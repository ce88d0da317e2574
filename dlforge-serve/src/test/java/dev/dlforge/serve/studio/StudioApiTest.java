package dev.dlforge.serve.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.serve.DlforgeServer;
import dev.dlforge.serve.Http;
import dev.dlforge.serve.Http.Reply;
import dev.dlforge.serve.TrainedModels;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

/** The studio's data API, its training jobs and events, and its file routes, over real HTTP. */
@EndToEnd
class StudioApiTest {
    private static ModelRegistry registry;
    private static Studio studio;
    private static DlforgeServer server;
    private static Http http;
    private static RunDir run;

    @BeforeAll
    static void start() {
        run = TrainedModels.digits(); // a completed digits run in the test home's run list
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
    void theGalleryShowsEveryCatalogueProjectBySection() {
        JsonNode sections = http.get("/studio/api/projects").json().get("sections");
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode s : sections) {
            names.add(s.get("name").asText());
            s.get("projects").forEach(p -> ids.add(p.get("id").asText()));
        }
        assertThat(names).containsExactly("Vision", "Multimodal", "Language");
        assertThat(ids).hasSize(Catalogue.standard().all().size()).contains("digits", "fashion", "gpt", "rag");
        JsonNode digits = find(sections, "digits");
        assertThat(digits.get("built").asBoolean()).isTrue();
        assertThat(digits.get("status").asText()).isEqualTo("trained");
        assertThat(digits.get("current").get("metric").asText()).isEqualTo("test_accuracy");
        assertThat(find(sections, "lora").get("status").asText()).isEqualTo("planned");
    }

    @Test
    void aProjectPageListsItsRunsAndServesItsNewestModel() {
        JsonNode page = http.get("/studio/api/projects/digits").json();
        assertThat(page.get("models").toString()).contains("mlp", "cnn");
        assertThat(page.get("demo").get("kind").asText()).isEqualTo("draw");
        assertThat(page.get("served").asText()).isEqualTo("digits");
        List<String> runIds = new ArrayList<>();
        page.get("runs").forEach(r -> runIds.add(r.get("id").asText()));
        assertThat(runIds).contains(run.id());

        JsonNode detail = http.get("/studio/api/projects/digits/runs/" + run.id()).json();
        assertThat(detail.get("history")).hasSize(2);
        assertThat(detail.get("history").get(0).has("val_accuracy")).isTrue();
        assertThat(detail.get("plots").toString()).contains("loss.png", "confusion.png");
        Reply plot = http.get("/studio/api/projects/digits/runs/" + run.id() + "/plots/loss.png");
        assertThat(plot.status()).isEqualTo(200);
        assertThat(plot.header("Content-Type")).startsWith("image/png");

        assertThat(http.get("/studio/api/projects/nope").status()).isEqualTo(404);
        assertThat(http.get("/studio/api/projects/digits/runs/nope").status()).isEqualTo(404);
        assertThat(http.get("/studio/api/projects/lora").json().get("status").asText()).isEqualTo("planned");
    }

    @Test
    void pathsMadeUpByTheRequestNeverLeaveTheirFolder() throws Exception {
        Path secret = run.path().resolve("secret.txt");
        Files.writeString(secret, "do not serve");
        Path link = run.plots().resolve("escape.png");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, secret);
        String base = "/studio/api/projects/digits/runs/" + run.id() + "/plots/";
        for (String attack : List.of("..%2Fsecret.txt", "..%2F..%2F" + run.id() + "%2Frun.json", "%2e%2e%2Fsecret.txt", "escape.png",
                "..", "secret.txt", "loss.png%00.txt", "%2Fetc%2Fpasswd")) {
            String response = raw("GET " + base + attack);
            assertThat(response).as(attack).doesNotContain("do not serve").doesNotContain("\"recipe\"").doesNotContain("root:");
            assertThat(response).as(attack).matches("(?s)HTTP/1.1 (400|404).*");
        }
        for (String attack : List.of("/studio/../pom.xml", "/studio/..%2F..%2Fopenapi.json", "/studio/%2e%2e/%2e%2e/etc/passwd",
                "/studio/..\\..\\pom.xml", "/webjars/../../../../etc/passwd", "/studio/api/projects/..%2F..%2F..%2Fetc")) {
            String response = raw("GET " + attack);
            assertThat(response).as(attack).doesNotContain("root:").doesNotContain("<modelVersion>");
            assertThat(response).as(attack).matches("(?s)HTTP/1.1 (400|404).*");
        }
        assertThat(raw("GET /studio/app.js")).startsWith("HTTP/1.1 200");
        Files.delete(link);
    }

    @Test
    void trainingFromTheStudioStreamsProgressThenServesTheNewModel() throws Exception {
        HttpResponse<InputStream> events = http.client().send(HttpRequest.newBuilder(URI.create(server.url() + "/studio/api/events"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Reply started = http.post("/studio/api/train", "application/json",
                "{\"project\": \"digits\", \"model\": \"mlp\", \"epochs\": 2, \"limit\": 300}".getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(http.post("/studio/api/train", "application/json", "{\"project\": \"digits\"}".getBytes()).status()).isEqualTo(409);

        List<String> types = new ArrayList<>();
        List<String> jobRuns = new ArrayList<>();
        JsonNode end = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && end == null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    JsonNode e = Json.MAPPER.readTree(line.substring(5));
                    types.add(e.get("type").asText());
                    if (e.get("type").asText().equals("job")) {
                        jobRuns.add(e.get("job").path("run").asText(""));
                    }
                    if (e.get("type").asText().equals("end")) {
                        end = e;
                    }
                }
            }
        }
        // The job is announced, then again with its run once the run folder exists, before the first epoch.
        assertThat(types).startsWith("job", "job", "epoch_start").contains("batch", "epoch").endsWith("end");
        assertThat(end.get("job").get("status").asText()).as(end.toString()).isEqualTo("completed");
        String newRun = end.get("job").get("run").asText();
        assertThat(jobRuns).containsExactly("", newRun);
        assertThat(http.get("/studio/api/projects/digits").json().get("servedRun").asText()).isEqualTo(newRun);
        assertThat(http.post("/v1/models/digits/predict", "image/png", Http.digitPng(5, 0)).status()).isEqualTo(200);
        assertThat(http.post("/studio/api/train/stop", "application/json", new byte[0]).status()).isEqualTo(409);
    }

    @Test
    void badTrainRequestsAreRefusedWithTheReason() {
        assertThat(post("{\"project\": \"lora\"}").json().get("error").asText()).contains("not built");
        assertThat(post("{\"project\": \"nope\"}").status()).isEqualTo(404);
        assertThat(post("{\"project\": \"digits\", \"epochs\": 0}").json().get("error").asText()).contains("epochs");
        assertThat(post("{\"project\": \"digits\", \"epochs\": \"many\"}").status()).isEqualTo(400);
        assertThat(post("not json").status()).isEqualTo(400);
        assertThat(post("{}").json().get("error").asText()).contains("no project");
    }

    private static Reply post(String json) {
        return http.post("/studio/api/train", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode find(JsonNode sections, String id) {
        for (JsonNode s : sections) {
            for (JsonNode p : s.get("projects")) {
                if (p.get("id").asText().equals(id)) {
                    return p;
                }
            }
        }
        throw new AssertionError("no project " + id);
    }

    /** Sends a request line exactly as written (no client-side normalisation) and returns the response. */
    private static String raw(String requestLine) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
