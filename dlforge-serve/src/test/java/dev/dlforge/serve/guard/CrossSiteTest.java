package dev.dlforge.serve.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.serve.DlforgeServer;
import dev.dlforge.serve.load.RawHttp;
import dev.dlforge.serve.Http;
import dev.dlforge.serve.StudioServer;
import dev.dlforge.serve.TrainedModels;
import dev.dlforge.serve.studio.Studio;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

/**
 * Cross-site requests and DNS rebinding against a real studio server: what a page on another site
 * can make a browser send (a text/plain or form POST with a foreign Origin, any request with a
 * foreign Host) is refused before it reaches a route, and starts no training.
 */
@EndToEnd
class CrossSiteTest {
    private static final String TRAIN = "{\"project\":\"digits\",\"model\":\"mlp\",\"epochs\":1,\"limit\":50}";
    private static StudioServer running;
    private static Studio studio;
    private static DlforgeServer server;

    @BeforeAll
    static void start() {
        TrainedModels.digits();
        running = StudioServer.start();
        studio = running.studio();
        server = running.server();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static RawHttp post(String contentType, String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type: " + contentType;
        all[1] = "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return RawHttp.send(server.port(), RawHttp.request("POST", "/studio/api/train", all) + body);
    }

    @Test
    void aTextPlainPostFromAnotherOriginStartsNoTraining() throws Exception {
        String host = "Host: 127.0.0.1:" + server.port();
        RawHttp r = post("text/plain", TRAIN, host, "Origin: http://evil.example");
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("cross-site request refused", "\"hint\"");
        RawHttp form = post("application/x-www-form-urlencoded", "project=digits", host, "Origin: http://evil.example");
        assertThat(form.status()).isEqualTo(403);
        RawHttp stop = RawHttp.send(server.port(), RawHttp.request("POST", "/studio/api/train/stop", host, "Origin: null",
                "Content-Type: text/plain", "Content-Length: 0"));
        assertThat(stop.status()).isEqualTo(403);
        RawHttp fetchMetadata = post("application/json", TRAIN, host, "Sec-Fetch-Site: cross-site");
        assertThat(fetchMetadata.status()).isEqualTo(403);
        assertThat(studio.jobs().current()).as("no job started").isNull();
    }

    @Test
    void withoutAnOriginTheStudioStillTakesOnlyJson() throws Exception {
        String host = "Host: 127.0.0.1:" + server.port();
        RawHttp text = post("text/plain", TRAIN, host);
        assertThat(text.status()).as(text.body()).isEqualTo(415);
        assertThat(text.body()).contains("takes JSON");
        RawHttp sameOrigin = post("application/json", "{\"project\":\"nope\"}", host, "Origin: http://127.0.0.1:" + server.port());
        assertThat(sameOrigin.status()).as("passes the guard, then fails on the project").isEqualTo(404);
        assertThat(studio.jobs().current()).isNull();
    }

    @Test
    void aForeignHostNameIsRefusedOnEveryRoute() throws Exception {
        for (String path : new String[] {"/health", "/studio/", "/studio/api/projects", "/v1/models"}) {
            RawHttp r = RawHttp.send(server.port(), RawHttp.request("GET", path, "Host: evil.example:" + server.port()));
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.body()).contains("is not a name of this server");
        }
        for (String host : new String[] {"127.0.0.1", "localhost", "[::1]", "LOCALHOST"}) {
            RawHttp r = RawHttp.send(server.port(), RawHttp.request("GET", "/health", "Host: " + host + ":" + server.port()));
            assertThat(r.status()).as(host).isEqualTo(200);
        }
        assertThat(Http.to(server.url()).get("/studio/api/projects").status()).isEqualTo(200);
    }

    @Test
    void originsAreComparedByHostAndPort() {
        assertThat(CrossSiteGuard.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
        assertThat(CrossSiteGuard.sameOrigin("http://LOCALHOST", "localhost")).isTrue();
        assertThat(CrossSiteGuard.sameOrigin("http://[::1]:8080", "[::1]:8080")).isTrue();
        assertThat(CrossSiteGuard.sameOrigin("http://127.0.0.1:8081", "127.0.0.1:8080")).isFalse();
        assertThat(CrossSiteGuard.sameOrigin("https://127.0.0.1:8080", "127.0.0.1:8080")).isFalse();
        assertThat(CrossSiteGuard.sameOrigin("null", "127.0.0.1:8080")).isFalse();
        assertThat(CrossSiteGuard.sameOrigin("http://x:99999999999", "x:1")).isFalse();
        assertThat(CrossSiteGuard.hostName("Example.org:8080")).isEqualTo("example.org");
        assertThat(CrossSiteGuard.hostName("[::1]:80")).isEqualTo("[::1]");
    }
}
