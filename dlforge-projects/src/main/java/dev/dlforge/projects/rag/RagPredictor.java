package dev.dlforge.projects.rag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.models.retrieval.ChunkIndexReader;
import dev.dlforge.models.text.MiniLmEncoder;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.serving.Predictor;
import dev.dlforge.projects.serving.output.CitedAnswer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Serves extractive answers over a run's index: a request is the question as {@code text/plain}, or
 * JSON {@code {"question": "...", "k": 5}} ({@code k}: passages retrieved, 1 to {@value #MAX_K}, also
 * as option {@code ?k=}). A question is at most {@value #MAX_QUESTION_CHARS} characters.
 */
public final class RagPredictor implements Predictor<RagPredictor.Question, CitedAnswer> {
    static final int MAX_K = 20;
    static final int MAX_QUESTION_CHARS = 2_000;
    private static final String EXAMPLE = "send {\"question\": \"what is a harpoon?\", \"k\": 5}";

    /** A checked request. */
    public record Question(String text, int k) {}

    private final ModelCard card;
    private final MiniLmEncoder encoder;
    private final ChunkIndexReader index;

    RagPredictor(ModelCard card, MiniLmEncoder encoder, ChunkIndexReader index) {
        this.card = card;
        this.encoder = encoder;
        this.index = index;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public List<String> accepts() {
        return List.of("text/plain", "application/json");
    }

    @Override
    public Question decode(Payload payload) {
        int k = payload.intOption("k", ExtractiveAnswerer.Config.defaults().k(), 1, MAX_K);
        String text = switch (payload.contentType()) {
            case "text/plain" -> payload.plainText();
            case "application/json" -> {
                JsonNode json = json(payload.body());
                JsonNode kNode = json.get("k");
                if (kNode != null && !kNode.isNull()) {
                    if (!kNode.isIntegralNumber() || kNode.asLong() < 1 || kNode.asLong() > MAX_K) {
                        throw InvalidInputException.badRequest("\"k\" must be a whole number from 1 to " + MAX_K + ", got " + kNode, EXAMPLE);
                    }
                    k = kNode.asInt();
                }
                JsonNode q = json.get("question");
                if (q == null || !q.isTextual()) {
                    throw InvalidInputException.badRequest("the JSON body has no \"question\" string", EXAMPLE);
                }
                yield q.asText();
            }
            default -> throw InvalidInputException.unsupportedType("content type '" + payload.contentType() + "' is not accepted",
                    "send the question as text/plain, or JSON as application/json: " + EXAMPLE);
        };
        if (text.isBlank()) {
            throw InvalidInputException.badRequest("the question is empty", EXAMPLE);
        }
        if (text.length() > MAX_QUESTION_CHARS) {
            throw InvalidInputException.badRequest("the question has " + text.length() + " characters, over the limit of " + MAX_QUESTION_CHARS,
                    "ask a shorter question");
        }
        return new Question(text.strip(), k);
    }

    private static JsonNode json(byte[] body) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw InvalidInputException.badRequest("the body is not valid JSON: " + e.getOriginalMessage(), EXAMPLE);
        }
        if (json == null || !json.isObject()) {
            throw InvalidInputException.badRequest("the JSON body must be an object with a \"question\"", EXAMPLE);
        }
        Set<String> fields = Set.of("question", "k");
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw InvalidInputException.badRequest("unknown field \"" + name + "\"", "the fields are: question, k");
            }
        }
        return json;
    }

    @Override
    public List<CitedAnswer> predict(List<Question> batch) {
        return batch.stream().map(q -> new ExtractiveAnswerer(index, ExtractiveAnswerer.Config.defaults().withK(q.k())).answer(q.text()).cited()).toList();
    }

    @Override
    public void close() {
        index.close();
        encoder.close();
    }
}
