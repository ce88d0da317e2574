package dev.dlforge.serve.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Trains;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.serve.Http;
import dev.dlforge.serve.Http.Reply;
import dev.dlforge.serve.ModelServer;
import dev.dlforge.serve.StudioServer;
import dev.dlforge.serve.TrainedModels;
import dev.dlforge.serve.api.ServeConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

/**
 * The studio and {@code serve} answer with the project's current model and follow it without a
 * restart: a run completed elsewhere (here, trained as the CLI trains) takes over within seconds, a
 * pinned one wins over it, and every prediction names the run that answered. Regression test: on the
 * previous main the studio kept the run it loaded at start until restarted, and answers named no run.
 */
@EndToEnd
class CurrentModelFollowTest {

    private static RunDir trainElsewhere() throws Exception {
        TrainOptions defaults = TrainOptions.defaults(new PrintStream(new ByteArrayOutputStream()));
        return Catalogue.standard().capable("digits", Trains.class).train(new TrainOptions("mlp", null, null, 1, 32, null, 300, 7L,
                Files.createTempDirectory("dlforge-follow").resolve("digits-newer"), defaults.console(), defaults.stop(), null));
    }

    private static String awaitValue(Supplier<String> read, String expected) throws InterruptedException {
        String seen = read.get();
        for (int i = 0; i < 100 && !expected.equals(seen); i++) {
            Thread.sleep(100);
            seen = read.get();
        }
        return seen;
    }

    @Test
    void theStudioDemoFollowsRunsCompletedFromTheCliAndThePinnedRun() throws Exception {
        RunDir first = TrainedModels.digits();
        RunStore store = new RunStore(DlforgeHome.current());
        store.unpin("digits");
        try (StudioServer studio = StudioServer.start()) {
            Http http = Http.to(studio.server().url());
            Supplier<String> servedRun = () -> http.get("/studio/api/projects/digits").json().path("servedRun").asText();
            assertThat(servedRun.get()).isEqualTo(store.currentModel("digits").orElseThrow().run().id());

            RunDir newer = trainElsewhere();
            assertThat(awaitValue(servedRun, newer.id())).as("picked up without a restart").isEqualTo(newer.id());
            Reply answer = http.post("/v1/models/digits/predict", "image/png", Http.digitPng(3, 0));
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().get("run").asText()).isEqualTo(newer.id());

            Reply pin = http.post("/studio/api/projects/digits/pin", "application/json",
                    ("{\"run\": \"" + first.path() + "\"}").getBytes(StandardCharsets.UTF_8));
            assertThat(pin.status()).as(pin.text()).isEqualTo(200);
            assertThat(pin.json().get("pinned").asBoolean()).isTrue();
            assertThat(servedRun.get()).isEqualTo(first.id());
            assertThat(http.post("/v1/models/digits/predict", "image/png", Http.digitPng(3, 0)).json().get("run").asText())
                    .isEqualTo(first.id());
            JsonNode card = http.get("/studio/api/projects/digits").json().get("current");
            assertThat(card.get("run").asText()).isEqualTo(first.id());
            assertThat(card.get("pinned").asBoolean()).isTrue();

            Reply refused = http.post("/studio/api/projects/digits/pin", "application/json", "{\"run\": \"nope\"}".getBytes());
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.json().get("error").asText()).contains("no run 'nope'");
            assertThat(http.post("/studio/api/projects/digits/pin", "text/plain", "{\"run\": null}".getBytes()).status())
                    .as("JSON only, as every studio POST").isEqualTo(415);

            assertThat(http.post("/studio/api/projects/digits/pin", "application/json", "{\"run\": null}".getBytes()).status()).isEqualTo(200);
            assertThat(servedRun.get()).isEqualTo(store.currentModel("digits").orElseThrow().run().id()).isNotEqualTo(first.id());
        } finally {
            store.unpin("digits");
        }
    }

    @Test
    void serveFollowsAProjectButKeepsARunItWasGiven() throws Exception {
        RunDir fixed = TrainedModels.digits();
        RunStore store = new RunStore(DlforgeHome.current());
        store.unpin("digits");
        RunDir current = store.currentModel("digits").orElseThrow().run();
        CopyOnWriteArrayList<String> log = new CopyOnWriteArrayList<>();
        try (ModelServer server = ModelServer.start(ServeConfig.local(0), Map.of("digits", current.model(), "fixed", fixed.model()),
                Map.of("digits", "digits"), store, log::add)) {
            Http http = Http.to(server.http().url());
            Supplier<String> answeredBy = () -> http.post("/v1/models/digits/predict", "image/png", Http.digitPng(1, 0)).json().path("run").asText();
            assertThat(answeredBy.get()).isEqualTo(current.id());

            RunDir newer = trainElsewhere();
            assertThat(awaitValue(answeredBy, newer.id())).isEqualTo(newer.id());
            assertThat(log).anyMatch(line -> line.equals("digits now answers with run digits/" + newer.id() + " (the newest completed run)"));
            assertThat(http.post("/v1/models/fixed/predict", "image/png", Http.digitPng(1, 0)).json().get("run").asText())
                    .as("a name given a run keeps it").isEqualTo(fixed.id());
            assertThat(http.get("/v1/models").json().get("models").findValuesAsText("run")).contains(newer.id(), fixed.id());
        }
    }
}
