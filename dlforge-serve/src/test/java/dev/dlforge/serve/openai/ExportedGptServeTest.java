package dev.dlforge.serve.openai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.testing.EndToEnd;
import dev.dlforge.core.text.CharTokenizer;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.serving.SchedulerConfig;
import dev.dlforge.llm.serving.ServingModel;
import dev.dlforge.models.lm.LanguageModel;
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.models.lm.gpt.Gpt2Gguf;
import dev.dlforge.models.lm.gpt.GptConfig;
import dev.dlforge.models.lm.gpt.GptLanguageModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gpt run exported to GGUF ({@link Gpt2Gguf}) and served over HTTP (the real server and engine) completes a prompt
 * greedily with the tokens DJL's GPT chooses: no BOS in front (the file says {@code add_bos_token false}), and the stop
 * at the exported end-of-text token (id 0) where DJL would pick it.
 */
@EndToEnd
class ExportedGptServeTest {
    private static final String TEXT = "Call me Ishmael. Some years ago, never mind how long precisely, having little money.";
    private static final int MAX_TOKENS = 24;

    @TempDir
    Path tmp;

    @Test
    void servedGreedyCompletionIsDjlsGreedyContinuation() throws Exception {
        CharTokenizer chars = CharTokenizer.build(List.of(TEXT));
        String prompt = "Call me Ishmael. ";
        Path file = tmp.resolve("gpt.gguf");
        List<Integer> expected = new ArrayList<>();
        try (NDManager m = Engines.newManager()) {
            Engines.seed(5);
            Gpt gpt = Gpt.create(new GptConfig(chars.vocabSize(), 64, 2, 2, 32, 0f, true, true), m);
            for (var p : gpt.getParameters().values()) {
                p.getArray().addi(m.randomNormal(p.getArray().getShape()).mul(0.3f));
            }
            Gpt2Gguf.write(gpt, chars, GgmlType.F32, "exported", file);
            try (LanguageModel.Session s = new GptLanguageModel(gpt).newSession(m, true)) {
                float[] logits = s.feed(chars.encode(prompt));
                for (int i = 0; i < MAX_TOKENS; i++) {
                    int next = argmax(logits);
                    if (next == CharTokenizer.UNKNOWN_ID) {
                        break; // the file's end-of-text token: the server stops here
                    }
                    expected.add(next);
                    logits = s.feed(new int[] {next});
                }
            }
        }
        String want = chars.decode(expected.stream().mapToInt(Integer::intValue).toArray());
        try (LlmTestServer server = new LlmTestServer(new SchedulerConfig(8, 4, 64, 4L << 20), ServingModel.open(file, 2))) {
            String body = Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode().put("model", LlmTestServer.NAME)
                    .put("prompt", prompt).put("max_tokens", MAX_TOKENS).put("temperature", 0));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/completions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode json = Json.MAPPER.readTree(r.body());
            System.out.printf("exported GPT served: '%s' (DJL: '%s')%n", json.at("/choices/0/text").asText(), want);
            assertThat(json.at("/usage/prompt_tokens").asInt()).as("no BOS in front").isEqualTo(prompt.length());
            assertThat(json.at("/choices/0/text").asText()).isEqualTo(want);
            assertThat(json.at("/choices/0/finish_reason").asText()).isEqualTo(expected.size() < MAX_TOKENS ? "stop" : "length");
        }
    }

    private static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
