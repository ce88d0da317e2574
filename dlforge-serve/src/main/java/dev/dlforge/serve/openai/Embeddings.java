package dev.dlforge.serve.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.models.text.MiniLmEncoder;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/embeddings} with dlforge-models' MiniLM encoder (all-MiniLM-L6-v2: mean-pooled, L2-normalised, 384-d),
 * opened at the first request; a decoder's hidden state makes a poor sentence embedding, a model trained for it does
 * not. {@code encoding_format} float (default) or base64 (little-endian float32, as OpenAI sends it).
 */
final class Embeddings implements AutoCloseable {
    static final String MODEL = "all-MiniLM-L6-v2";
    private static final int MAX_INPUTS = 256;
    private MiniLmEncoder encoder;

    void handle(Context ctx) {
        JsonNode body = Requests.json(ctx);
        String model = body.path("model").asText(MODEL);
        if (!model.equals(MODEL)) {
            throw new OpenAiError(404, "The model '" + model + "' does not make embeddings here: use '" + MODEL + "'", "invalid_request_error",
                    "model", "model_not_found");
        }
        List<String> texts = new ArrayList<>();
        JsonNode input = body.get("input");
        if (input != null && input.isTextual()) {
            texts.add(input.asText());
        } else if (input != null && input.isArray() && !input.isEmpty()) {
            input.forEach(t -> {
                if (!t.isTextual()) {
                    throw OpenAiError.invalid("input", "input must be a text or an array of texts (token arrays are not supported)");
                }
                texts.add(t.asText());
            });
        } else {
            throw OpenAiError.invalid("input", "input must be a text or a non-empty array of texts");
        }
        if (texts.size() > MAX_INPUTS) {
            throw OpenAiError.invalid("input", "at most " + MAX_INPUTS + " inputs per request, not " + texts.size());
        }
        boolean base64 = "base64".equals(body.path("encoding_format").asText("float"));
        float[][] vectors = encoder().embed(texts);
        List<Object> data = new ArrayList<>();
        int tokens = 0;
        for (int i = 0; i < vectors.length; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("object", "embedding");
            e.put("index", i);
            e.put("embedding", base64 ? base64(vectors[i]) : vectors[i]);
            data.add(e);
            tokens += encoder().tokenizer().encode(texts.get(i)).length;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("object", "list");
        m.put("data", data);
        m.put("model", MODEL);
        m.put("usage", Map.of("prompt_tokens", tokens, "total_tokens", tokens));
        ctx.json(m);
    }

    private synchronized MiniLmEncoder encoder() {
        if (encoder == null) {
            encoder = MiniLmEncoder.open();
        }
        return encoder;
    }

    private static String base64(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    @Override
    public synchronized void close() {
        if (encoder != null) {
            encoder.close();
        }
    }
}
