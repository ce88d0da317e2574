package dev.dlforge.serve.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.serve.DlforgeServer;
import dev.dlforge.serve.Http;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/**
 * Each card shows its current model's headline figure (gpt: validation loss; rag: hybrid recall@10),
 * not the best figure of any run: the gallery follows the one rule for which run answers. The runs
 * live in a home of their own, so the shared test home's "newest gpt run" stays a real one.
 */
@EndToEnd
class StudioHeadlineTest {
    @TempDir
    Path home;

    @Test
    void cardsShowTheCurrentModelsHeadlineFigure() throws Exception {
        RunStore store = new RunStore(new DlforgeHome(home));
        completed(store, "gpt", Map.of("val_loss", 1.5));
        completed(store, "gpt", Map.of("val_loss", 2.0)); // newer, worse: it answers, so the card shows it
        completed(store, "rag", Map.of("hybrid_recall_at_10", 0.89));
        Catalogue catalogue = Catalogue.standard();
        ServeMetrics metrics = new ServeMetrics();
        ServeConfig config = ServeConfig.local(0);
        try (ModelRegistry registry = new ModelRegistry(catalogue, config.batching(), metrics);
                Studio studio = new Studio(catalogue, store, registry, new PrintStream(new ByteArrayOutputStream()));
                DlforgeServer server = DlforgeServer.start(config, registry, catalogue, metrics, studio)) {
            JsonNode sections = Http.to(server.url()).get("/studio/api/projects").json().get("sections");
            JsonNode gpt = find(sections, "gpt");
            assertThat(gpt.get("status").asText()).isEqualTo("trained");
            assertThat(gpt.get("current").get("metric").asText()).isEqualTo("val_loss");
            assertThat(gpt.get("current").get("value").asDouble()).isEqualTo(2.0);
            JsonNode rag = find(sections, "rag");
            assertThat(rag.get("status").asText()).isEqualTo("trained");
            assertThat(rag.get("current").get("value").asDouble()).isEqualTo(0.89);
        }
    }

    private void completed(RunStore store, String project, Map<String, Double> metrics) throws Exception {
        RunDir run = store.create(project, JsonNodeFactory.instance.objectNode(), null);
        run.writeMetrics(metrics);
        Files.createDirectories(run.model());
        Files.writeString(run.model().resolve("model.json"), "{}");
        run.writeInfo(run.info().with("completed", metrics, ""));
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
}
