package dev.dlforge.serve.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.serve.Http;
import dev.dlforge.serve.Http.Reply;
import dev.dlforge.serve.ServedApi;
import dev.dlforge.serve.TrainedModels;
import dev.dlforge.serve.batch.BatchingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

/** The API through a real HTTP client against a real server on loopback, serving a real trained model. */
@EndToEnd
class ApiServerTest {
    private static RunDir run;
    private static ServedApi api;

    @BeforeAll
    static void serve() {
        run = TrainedModels.digits();
        api = ServedApi.start(new ServeConfig("127.0.0.1", 0, null, new BatchingConfig(16, 5, 256), 64 << 10, 30_000), "digits", run);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Reply predictPng(byte[] png, String query) {
        return api.http().post("/v1/models/digits/predict" + query, "image/png", png);
    }

    @Test
    void healthAndModelsDescribeWhatIsServed() {
        Reply health = api.http().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");

        JsonNode model = api.http().get("/v1/models").json().get("models").get(0);
        assertThat(model.get("name").asText()).isEqualTo("digits");
        assertThat(model.get("project").asText()).isEqualTo("digits");
        assertThat(model.get("labels")).hasSize(10);
        assertThat(model.get("inputShape").toString()).isEqualTo("[1,28,28]");
        assertThat(model.get("accepts").toString()).contains("image/png", "application/json");
        assertThat(model.get("demo").get("kind").asText()).isEqualTo("draw");
    }

    @Test
    void aPictureGetsEveryClassWithProbabilitiesOrTheTopK() {
        Reply all = predictPng(Http.digitPng(7, 0), "");
        assertThat(all.status()).as(all.text()).isEqualTo(200);
        JsonNode result = all.json().get("result");
        assertThat(result.get("top")).hasSize(10);
        double sum = 0;
        for (JsonNode s : result.get("top")) {
            sum += s.get("probability").asDouble();
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(result.get("label").asText()).isEqualTo(result.get("top").get(0).get("label").asText());

        Reply top3 = predictPng(Http.digitPng(7, 0), "?top=3");
        assertThat(top3.json().get("result").get("top")).hasSize(3);
        assertThat(top3.json().get("result").get("label")).isEqualTo(result.get("label"));
    }

    @Test
    void jsonBodiesGiveTheSameAnswerAsRawBytes() throws Exception {
        byte[] png = Http.digitPng(3, 5);
        JsonNode raw = predictPng(png, "").json().get("result");
        String base64 = Json.MAPPER.writeValueAsString(Map.of("image", Base64.getEncoder().encodeToString(png)));
        JsonNode viaJson = api.http().post("/v1/models/digits/predict", "application/json; charset=utf-8", base64.getBytes(StandardCharsets.UTF_8))
                .json().get("result");
        assertThat(viaJson).isEqualTo(raw);

        float[] blank = new float[784];
        blank[14 * 28 + 14] = 1f;
        String pixels = Json.MAPPER.writeValueAsString(Map.of("pixels", blank));
        Reply byPixels = api.http().post("/v1/models/digits/predict", "application/json", pixels.getBytes(StandardCharsets.UTF_8));
        assertThat(byPixels.status()).as(byPixels.text()).isEqualTo(200);
    }

    @Test
    void malformedInputGetsAJsonFourHundredAndTheWorkerLives() {
        byte[] png = Http.digitPng(1, 0);
        assertError(api.http().post("/v1/models/digits/predict", "text/plain", "hello".getBytes()), 415, "not accepted");
        assertError(api.http().post("/v1/models/digits/predict", null, png), 415, "no Content-Type");
        assertError(api.http().post("/v1/models/digits/predict", "application/json", "{\"image\": ".getBytes()), 400, "not valid JSON");
        assertError(api.http().post("/v1/models/digits/predict", "application/json", "[1, 2]".getBytes()), 400, "must be an object");
        assertError(api.http().post("/v1/models/digits/predict", "application/json", "{\"text\": 1}".getBytes()), 400, "neither");
        assertError(api.http().post("/v1/models/digits/predict", "application/json", "{\"image\": \"***\"}".getBytes()), 400, "base64");
        assertError(api.http().post("/v1/models/digits/predict", "application/json", "{\"pixels\": [0.5, 0.5]}".getBytes()), 400, "784");
        assertError(api.http().post("/v1/models/digits/predict", "application/json",
                ("{\"pixels\": [" + "2,".repeat(783) + "2]}").getBytes()), 400, "[0, 1]");
        assertError(api.http().post("/v1/models/digits/predict", "image/png", "not a png".getBytes()), 400, "not in a format");
        assertError(api.http().post("/v1/models/digits/predict", "image/png", java.util.Arrays.copyOf(png, png.length / 2)), 400, "image");
        assertError(api.http().post("/v1/models/digits/predict", "image/png", new byte[0]), 400, "empty");
        assertError(predictPng(png, "?top=0"), 400, "top=0");
        assertError(predictPng(png, "?top=many"), 400, "top=many");
        assertError(predictPng(new byte[70 << 10], ""), 413, "limit");
        assertError(api.http().post("/v1/models/nine/predict", "image/png", png), 404, "no model named 'nine'");
        assertError(api.http().get("/v1/nothing"), 404, "");
        assertError(api.http().get("/v1/models/digits/predict"), 404, "");

        assertThat(predictPng(png, "").status()).isEqualTo(200);
    }

    @Test
    void aBodyStreamedWithoutALengthIsCutOffAtTheCap() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/models/digits/predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 << 10];
            try {
                for (int i = 0; i < 8; i++) { // 128 KB in chunks, twice the 64 KB cap
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException closedEarly) {
                // The server may answer 413 and close before the client has sent everything: that is the cut-off.
            }
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413").contains("\"status\":413");
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnAnswerFromSharedBatches() throws Exception {
        int n = 96;
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(predictPng(Http.digitPng(i % 10, i), "").json().get("result").toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] png = Http.digitPng(i % 10, i);
                answers.add(pool.submit(() -> predictPng(png, "").json().get("result").toString()));
            }
            for (int i = 0; i < n; i++) {
                assertThat(sameAnswer(answers.get(i).get(), expected.get(i))).as("request %d", i).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        String metrics = api.http().get("/metrics").text();
        assertThat(metrics).contains("dlforge_requests_total{model=\"digits\",status=\"200\"}", "dlforge_queue_depth{model=\"digits\"}",
                "dlforge_request_duration_seconds_bucket");
        double batches = metricValue(metrics, "dlforge_batch_size_count{model=\"digits\"}");
        double batched = metricValue(metrics, "dlforge_batch_size_sum{model=\"digits\"}");
        assertThat(batched / batches).as("mean batch size").isGreaterThan(1.0);
    }

    @Test
    void anOverfullQueueAnswers429WithRetryAfterAndNothingIsLost() throws Exception {
        try (ServedApi tiny = ServedApi.start(new ServeConfig("127.0.0.1", 0, null, new BatchingConfig(1, 0, 1), 1 << 20, 30_000),
                "digits", run)) {
            byte[] png = Http.digitPng(4, 0);
            ExecutorService pool = Executors.newFixedThreadPool(48);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                replies.add(pool.submit(() -> tiny.http().post("/v1/models/digits/predict", "image/png", png)));
            }
            int ok = 0;
            int refused = 0;
            for (Future<Reply> f : replies) {
                Reply r = f.get();
                if (r.status() == 429) {
                    refused++;
                    assertThat(r.header("Retry-After")).isEqualTo("1");
                    assertThat(r.json().get("error").asText()).contains("queue");
                } else {
                    assertThat(r.status()).as(r.text()).isEqualTo(200);
                    ok++;
                }
            }
            pool.shutdown();
            assertThat(ok + refused).isEqualTo(240);
            assertThat(refused).as("429s with a queue of one and 48 callers").isPositive();
            assertThat(ok).isPositive();
            assertThat(tiny.http().get("/metrics").text()).contains("dlforge_requests_total{model=\"digits\",status=\"429\"}");
        }
    }

    @Test
    void offLoopbackTheKeyIsRequiredAndCheckedOnEveryApiCall() {
        assertThatThrownBy(() -> new ServeConfig("0.0.0.0", 0, null, BatchingConfig.defaults(), 1 << 20, 1000))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("without a key");
        try (ServedApi keyed = ServedApi.start(new ServeConfig("127.0.0.1", 0, "s3cret-key", BatchingConfig.defaults(), 1 << 20, 30_000),
                "digits", run)) {
            Http http = keyed.http();
            assertThat(http.get("/health").status()).isEqualTo(200);
            assertError(http.get("/v1/models"), 401, "API key");
            assertThat(http.get("/v1/models").header("WWW-Authenticate")).isEqualTo("Bearer");
            assertError(http.get("/v1/models", "Authorization", "Bearer wrong"), 401, "API key");
            assertError(http.get("/v1/models", "Authorization", "Bearer s3cret-key-and-more"), 401, "API key");
            assertError(http.get("/metrics"), 401, "API key");
            assertError(http.post("/v1/models/digits/predict", "image/png", Http.digitPng(1, 0)), 401, "API key");
            assertThat(http.get("/v1/models", "Authorization", "Bearer s3cret-key").status()).isEqualTo(200);
            assertThat(http.get("/v1/models", "X-API-Key", "s3cret-key").status()).isEqualTo(200);
            assertThat(http.post("/v1/models/digits/predict", "image/png", Http.digitPng(1, 0), "X-API-Key", "s3cret-key").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void theOpenApiDocumentListsEveryRoute() throws IOException {
        JsonNode doc = api.http().get("/openapi.json").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/health", "/v1/models", "/v1/models/{name}/predict", "/metrics", "/openapi.json");
        try (InputStream source = ApiRoutes.class.getResourceAsStream("/openapi.json")) {
            assertThat(source).isNotNull();
        }
        for (String path : paths) {
            Reply r = path.contains("{name}") ? api.http().post(path.replace("{name}", "digits"), "image/png", Http.digitPng(2, 0))
                    : api.http().get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
        }
    }

    private static void assertError(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        JsonNode body = reply.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).contains(message);
        assertThat(body.has("hint")).isTrue();
    }

    /** The same labels in the same order, probabilities equal up to batched-versus-single float rounding. */
    private static boolean sameAnswer(String a, String b) throws IOException {
        JsonNode x = Json.MAPPER.readTree(a).get("top");
        JsonNode y = Json.MAPPER.readTree(b).get("top");
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (Math.abs(x.get(i).get("probability").asDouble() - y.get(i).get("probability").asDouble()) > 1e-4) {
                return false;
            }
        }
        return Json.MAPPER.readTree(a).get("label").equals(Json.MAPPER.readTree(b).get("label"));
    }

    private static double metricValue(String text, String series) {
        return text.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + series + " in\n" + text));
    }
}
