package dev.dlforge.serve.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.serve.DlforgeServer;
import dev.dlforge.serve.load.RawHttp;
import dev.dlforge.serve.RouteGroup;
import dev.dlforge.serve.TrainedModels;
import dev.dlforge.serve.api.ApiRoutes;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.batch.BatchingConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;
import dev.dlforge.serve.studio.Studio;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

/**
 * A keyed server with the API, the studio and one route that runs out of memory: the key is checked
 * on the route a request matched, whatever its spelling; an Error becomes a JSON 500 that the
 * metrics count as a 500; Jetty's own refusals are JSON too.
 */
@EndToEnd
class ServerHardeningTest {
    private static final String KEY = "k3y-for-the-walk";
    private static final RouteGroup OUT_OF_MEMORY = routes -> routes.get("/test/out-of-memory", ctx -> {
        throw new OutOfMemoryError("Java heap space (thrown by the test)");
    });
    private static ModelRegistry registry;
    private static Studio studio;
    private static DlforgeServer server;

    @BeforeAll
    static void start() {
        TrainedModels.digits();
        Catalogue catalogue = Catalogue.standard();
        ServeMetrics metrics = new ServeMetrics();
        ServeConfig config = new ServeConfig("127.0.0.1", 0, KEY, BatchingConfig.defaults(), 1 << 20, 30_000);
        registry = new ModelRegistry(catalogue, config.batching(), metrics);
        studio = new Studio(catalogue, new RunStore(DlforgeHome.current()), registry, new PrintStream(new ByteArrayOutputStream()));
        server = DlforgeServer.start(config, metrics, studio, List.of(new ApiRoutes(registry, catalogue, metrics, config), studio, OUT_OF_MEMORY));
    }

    @AfterAll
    static void stop() {
        server.close();
        studio.close();
        registry.close();
    }

    private static RawHttp call(String method, String path, boolean withKey) throws Exception {
        String host = "Host: 127.0.0.1:" + server.port();
        String key = "Authorization: Bearer " + KEY;
        String request = method.equals("POST")
                ? RawHttp.request("POST", path, host, withKey ? key : "X-No-Key: 1", "Content-Type: application/json", "Content-Length: 2") + "{}"
                : RawHttp.request(method, path, host, withKey ? key : "X-No-Key: 1");
        return RawHttp.head(server.port(), request);
    }

    @Test
    void everyRouteChecksTheKeyOnTheRouteItMatched() throws Exception {
        List<String> routes = server.routes();
        assertThat(routes).contains("GET /metrics", "POST /v1/models/{name}/predict", "POST /studio/api/train", "GET /studio/api/events");
        for (String route : routes) {
            String method = route.split(" ")[0];
            String pattern = route.split(" ")[1];
            String path = pattern.replace("{name}", "digits").replace("{id}", "digits").replace("{run}", "nope")
                    .replace("{file}", "x.png").replace("{index}", "0");
            boolean keyed = pattern.startsWith("/v1/") || pattern.equals("/metrics") || pattern.startsWith("/studio/api/");
            for (String spelling : new String[] {path, path + "/"}) {
                RawHttp without = call(method, spelling, false);
                if (keyed) {
                    assertThat(without.status()).as(method + " " + spelling + " without the key").isEqualTo(401);
                } else {
                    assertThat(without.status()).as(method + " " + spelling + " needs no key").isNotEqualTo(401);
                }
                if (!pattern.startsWith("/test/")) {
                    assertThat(call(method, spelling, true).status()).as(method + " " + spelling + " with the key").isNotIn(401, 500);
                }
            }
        }
        for (String odd : new String[] {"//metrics", "/METRICS", "/metrics//", "/v1//models", "/metrics;x=1", "/metrics%2F"}) {
            assertThat(call("GET", odd, false).status()).as(odd).isNotIn(200, 201, 202, 204);
        }
    }

    @Test
    void anErrorInsideARequestIsAJson500CountedAsOneAndTheServerGoesOn() throws Exception {
        RawHttp r = RawHttp.send(server.port(), RawHttp.request("GET", "/test/out-of-memory", "Host: 127.0.0.1"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.headers().toLowerCase()).contains("content-type: application/json");
        assertThat(r.body()).contains("\"status\":500", "OutOfMemoryError", "\"hint\"");
        assertThat(RawHttp.send(server.port(), RawHttp.request("GET", "/health", "Host: 127.0.0.1")).status()).isEqualTo(200);
        String metrics = RawHttp.send(server.port(), RawHttp.request("GET", "/metrics", "Host: 127.0.0.1", "X-API-Key: " + KEY)).body();
        assertThat(metrics).contains("dlforge_http_responses_total{route=\"/test/out-of-memory\",status=\"500\"} 1.0")
                .doesNotContain("route=\"/test/out-of-memory\",status=\"200\"");
    }

    @Test
    void jettysOwnRefusalsAreJson() throws Exception {
        String longPath = "/v1/" + "a".repeat(20_000);
        String bigHeader = "X-Big: " + "b".repeat(20_000);
        String[] requests = {
            RawHttp.request("GET", "/%zz", "Host: 127.0.0.1"),
            RawHttp.request("GET", "/bad\u0001path", "Host: 127.0.0.1"),
            RawHttp.request("GET", longPath, "Host: 127.0.0.1"),
            RawHttp.request("GET", "/health", "Host: 127.0.0.1", bigHeader),
            "BLAH\r\n\r\n",
        };
        int[] statuses = {400, 400, 414, 431, 400};
        for (int i = 0; i < requests.length; i++) {
            RawHttp r = RawHttp.send(server.port(), requests[i]);
            assertThat(r.status()).as("request " + i).isEqualTo(statuses[i]);
            assertThat(r.headers().toLowerCase()).as("request " + i).contains("content-type: application/json");
            JsonNode body = Json.MAPPER.readTree(r.body());
            assertThat(body.get("status").asInt()).as("request " + i).isEqualTo(statuses[i]);
            assertThat(body.get("error").asText()).as("request " + i).isNotBlank();
            assertThat(body.has("hint")).as("request " + i).isTrue();
        }
    }
}
