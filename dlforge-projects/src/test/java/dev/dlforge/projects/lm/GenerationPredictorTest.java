package dev.dlforge.projects.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.text.CharTokenizer;
import dev.dlforge.models.lm.GenerationConfig;
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.models.lm.gpt.GptConfig;
import dev.dlforge.models.lm.gpt.GptLanguageModel;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.serving.output.GeneratedText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's generation predictor on a real, untrained tiny GPT with a character tokenizer: what it
 * refuses and why, and that what it writes follows the request (seed, stop strings, length, batch).
 */
class GenerationPredictorTest {
    private static final int BLOCK = 32;
    private static GenerationPredictor predictor;

    @BeforeAll
    static void loadTinyGpt() {
        NDManager manager = NDManager.newBaseManager();
        CharTokenizer tokenizer = CharTokenizer.build(List.of("abcdefghijklmnopqrstuvwxyz .,\n"));
        Gpt gpt = Gpt.create(new GptConfig(tokenizer.vocabSize(), BLOCK, 2, 2, 16, 0f, false, false), manager);
        GenerationConfig defaults = GenerationConfig.defaults().withMaxTokens(5_000).withTemperature(1.0);
        LoadedLanguageModel model = new LoadedLanguageModel("tiny", new GptLanguageModel(gpt), tokenizer, defaults);
        ModelCard card = new ModelCard("gpt", "gpt", null, List.of((long) BLOCK), List.of(), Map.of(), "test", "2026-01-01T00:00:00Z",
                ModelArtifact.FORMAT);
        predictor = new GenerationPredictor(model, card, manager);
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    private static GenerationRequest json(String body) {
        return predictor.decode(new Payload("application/json", body.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    private static GeneratedText generate(String body) {
        return predictor.predict(List.of(json(body))).get(0);
    }

    private static void assertRefused(String body, int status, String... messageParts) {
        assertThatThrownBy(() -> json(body)).as(body).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(messageParts);
            assertThat(e.hint()).isNotBlank();
        });
    }

    @Test
    void malformedJsonAndWrongShapesAreRefusedWithTheReason() {
        assertRefused("{\"prompt\": \"abc\"", 400, "not valid JSON");
        assertRefused("[\"abc\"]", 400, "must be an object");
        assertRefused("{\"text\": \"abc\"}", 400, "unknown field \"text\"");
        assertRefused("{\"max_tokens\": 5}", 400, "no \"prompt\" string");
        assertRefused("{\"prompt\": 42}", 400, "no \"prompt\" string");
        assertRefused("{\"prompt\": \"\"}", 400, "prompt is empty");
        assertRefused("{\"prompt\": \"abc\", \"temperature\": \"hot\"}", 400, "\"temperature\" must be a number");
        assertRefused("{\"prompt\": \"abc\", \"max_tokens\": 2.5}", 400, "\"max_tokens\" must be a whole number");
        assertRefused("{\"prompt\": \"abc\", \"seed\": \"7\"}", 400, "\"seed\"");
        assertRefused("{\"prompt\": \"abc\", \"stop\": [1]}", 400, "\"stop\"");
    }

    @Test
    void outOfRangeSettingsAndOversizedRequestsAreRefused() {
        assertRefused("{\"prompt\": \"abc\", \"temperature\": -0.1}", 400, "temperature");
        assertRefused("{\"prompt\": \"abc\", \"temperature\": 11}", 400, "temperature");
        assertRefused("{\"prompt\": \"abc\", \"top_p\": 0}", 400, "top_p");
        assertRefused("{\"prompt\": \"abc\", \"top_p\": 1.5}", 400, "top_p");
        assertRefused("{\"prompt\": \"abc\", \"top_k\": -1}", 400, "top_k");
        assertRefused("{\"prompt\": \"abc\", \"repetition_penalty\": 0}", 400, "repetition_penalty");
        assertRefused("{\"prompt\": \"abc\", \"max_tokens\": 0}", 400, "max_tokens");
        assertRefused("{\"prompt\": \"abc\", \"max_tokens\": " + (GenerationRequest.MAX_TOKENS + 1) + "}", 400, "max_tokens");
        assertRefused("{\"prompt\": \"abc\", \"stop\": [\"\"]}", 400, "stop");
        assertRefused("{\"prompt\": \"abc\", \"stop\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\"]}", 400, "over the limit of 8");
        String huge = "a".repeat(GenerationRequest.MAX_PROMPT_CHARS + 1);
        assertRefused("{\"prompt\": \"" + huge + "\"}", 400, "over the limit");
        assertThatThrownBy(() -> predictor.decode(new Payload("text/plain", huge.getBytes(StandardCharsets.UTF_8), Map.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("over the limit");
        assertThatThrownBy(() -> predictor.decode(new Payload("image/png", new byte[] {1}, Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.status()).isEqualTo(415));
    }

    @Test
    void absentAndNullFieldsTakeTheModelsDefaultsWithTheReplyCapped() {
        GenerationRequest plain = predictor.decode(new Payload("text/plain", "call me".getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThat(plain.prompt()).isEqualTo("call me");
        assertThat(plain.config().maxTokens()).isEqualTo(GenerationRequest.MAX_TOKENS); // the model's 5,000, capped
        assertThat(plain.config().temperature()).isEqualTo(1.0);
        assertThat(plain.config().seed()).isEqualTo(GenerationConfig.defaults().seed());

        GenerationRequest r = json("{\"prompt\": \"abc\", \"temperature\": null, \"top_k\": 3, \"stop\": \"x\", \"seed\": 9}");
        assertThat(r.config().temperature()).isEqualTo(1.0);
        assertThat(r.config().topK()).isEqualTo(3);
        assertThat(r.config().stop()).containsExactly("x");
        assertThat(r.config().seed()).isEqualTo(9);
        assertThat(r.config().useCache()).isTrue();
    }

    @Test
    void theSameSeedWritesTheSameTextAndAnotherSeedAnother() {
        GeneratedText a = generate("{\"prompt\": \"the sea\", \"max_tokens\": 40, \"seed\": 7}");
        GeneratedText b = generate("{\"prompt\": \"the sea\", \"max_tokens\": 40, \"seed\": 7}");
        GeneratedText c = generate("{\"prompt\": \"the sea\", \"max_tokens\": 40, \"seed\": 8}");
        assertThat(b).isEqualTo(new GeneratedText(a.text(), a.promptTokens(), a.generatedTokens(), a.finishReason(),
                b.tokensPerSecond()));
        assertThat(a.text()).hasSize(40).isNotEqualTo(c.text()); // one character per token
        assertThat(a.promptTokens()).isEqualTo(7);
        assertThat(a.generatedTokens()).isEqualTo(40);
        assertThat(a.finishReason()).isEqualTo("length");
        assertThat(a.tokensPerSecond()).isPositive();
    }

    @Test
    void aStopStringEndsTheTextJustBeforeIt() {
        String free = generate("{\"prompt\": \"call me\", \"max_tokens\": 60, \"seed\": 3}").text();
        String stop = free.substring(20, 22); // whatever the model wrote there, it writes again with the same seed
        GeneratedText stopped = generate(
                "{\"prompt\": \"call me\", \"max_tokens\": 60, \"seed\": 3, \"stop\": " + Json.write(List.of("zzzz", stop)) + "}");
        assertThat(stopped.finishReason()).isEqualTo("stop");
        assertThat(stopped.text()).isEqualTo(free.substring(0, free.indexOf(stop)));
        assertThat(stopped.generatedTokens()).isEqualTo(free.indexOf(stop) + stop.length());
    }

    @Test
    void aBatchAnswersEachRequestInOrderAsIfAlone() {
        List<String> bodies = List.of(
                "{\"prompt\": \"a\", \"max_tokens\": 10, \"seed\": 1}",
                "{\"prompt\": \"" + "long prompt ".repeat(10) + "\", \"max_tokens\": 3, \"temperature\": 0}",
                "{\"prompt\": \"b\", \"max_tokens\": 25, \"seed\": 2, \"top_k\": 5}");
        List<GeneratedText> batch = predictor.predict(bodies.stream().map(GenerationPredictorTest::json).toList());
        assertThat(batch).hasSize(3);
        for (int i = 0; i < 3; i++) {
            GeneratedText alone = generate(bodies.get(i));
            assertThat(batch.get(i).text()).as("request " + i).isEqualTo(alone.text());
            assertThat(batch.get(i).generatedTokens()).isEqualTo(alone.generatedTokens());
        }
        assertThat(batch.get(1).promptTokens()).as("a prompt longer than the context is cropped to it").isEqualTo(BLOCK);
        assertThat(batch.get(2).text()).hasSize(25);
    }

    @Test
    void theAnswerIsJsonWithSnakeCaseFields() throws Exception {
        JsonNode answer = Json.MAPPER.readTree(Json.write(generate("{\"prompt\": \"x\", \"max_tokens\": 2, \"seed\": 1}")));
        assertThat(answer.get("text").asText()).hasSize(2);
        assertThat(answer.get("prompt_tokens").asInt()).isEqualTo(1);
        assertThat(answer.get("generated_tokens").asInt()).isEqualTo(2);
        assertThat(answer.get("finish_reason").asText()).isEqualTo("length");
        assertThat(answer.has("tokens_per_second")).isTrue();
    }
}
