package dev.dlforge.serve.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;

/** Reading an OpenAI request: a JSON object body, and a {@code model} this server answers for. */
final class Requests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    static JsonNode body(Context ctx, ServedLlm llm) {
        JsonNode body = json(ctx);
        String model = body.path("model").asText("");
        if (!model.isEmpty() && !model.equals(llm.name())) {
            throw new OpenAiError(404, "The model '" + model + "' does not exist: this server answers for '" + llm.name() + "' (GET /v1/models)",
                    "invalid_request_error", "model", "model_not_found");
        }
        return body;
    }

    static JsonNode json(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw OpenAiError.invalid(null, "the body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw OpenAiError.invalid(null, "the body must be a JSON object");
        }
        return body;
    }
}
