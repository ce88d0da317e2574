package dev.dlforge.serve.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.llm.sample.SamplingParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The generation parameters OpenAI's chat and text completions share, read and checked from the request JSON.
 *
 * @param maxTokens      {@code max_completion_tokens} or {@code max_tokens}; -1 when neither is given (the context's rest)
 * @param stop           {@code stop}: one text or up to 4
 * @param sampling       temperature (default 1), top_p, seed, presence and frequency penalties, top_logprobs
 * @param logprobs       whether to return log-probabilities
 * @param stream         answer as server-sent events
 * @param includeUsage   {@code stream_options.include_usage}: a last chunk with the usage and no choices
 */
record SamplingRequest(int maxTokens, List<String> stop, SamplingParams sampling, boolean logprobs, boolean stream, boolean includeUsage) {
    static SamplingRequest read(JsonNode body, boolean chat) {
        int maxTokens = -1;
        for (String name : List.of("max_completion_tokens", "max_tokens")) {
            JsonNode n = body.get(name);
            if (n != null && !n.isNull()) {
                if (!n.canConvertToInt() || n.asInt() < 1) {
                    throw OpenAiError.invalid(name, name + " must be a positive integer, not " + n);
                }
                maxTokens = n.asInt();
                break;
            }
        }
        List<String> stop = new ArrayList<>();
        JsonNode s = body.get("stop");
        if (s != null && s.isTextual()) {
            stop.add(s.asText());
        } else if (s != null && s.isArray()) {
            s.forEach(x -> stop.add(x.asText()));
        }
        if (stop.size() > 4) {
            throw OpenAiError.invalid("stop", "at most 4 stop sequences, not " + stop.size());
        }
        double temperature = number(body, "temperature", 1, 0, 2);
        double topP = Math.max(1e-9, number(body, "top_p", 1, 0, 1)); // 0: only the most likely token
        double presence = number(body, "presence_penalty", 0, -2, 2);
        double frequency = number(body, "frequency_penalty", 0, -2, 2);
        long seed = body.has("seed") && !body.get("seed").isNull() ? body.get("seed").asLong() : System.nanoTime();
        boolean logprobs;
        int top;
        if (chat) {
            logprobs = body.path("logprobs").asBoolean(false);
            top = (int) number(body, "top_logprobs", 0, 0, 20);
            if (top > 0 && !logprobs) {
                throw OpenAiError.invalid("top_logprobs", "top_logprobs needs logprobs: true");
            }
        } else {
            top = (int) number(body, "logprobs", 0, 0, 5);
            logprobs = body.has("logprobs") && !body.get("logprobs").isNull();
        }
        if (body.path("n").asInt(1) != 1) {
            throw OpenAiError.invalid("n", "this server returns one choice per request (n = 1)");
        }
        boolean stream = body.path("stream").asBoolean(false);
        boolean usage = stream && body.path("stream_options").path("include_usage").asBoolean(false);
        return new SamplingRequest(maxTokens, stop, new SamplingParams(temperature, topP, seed, presence, frequency, top), logprobs, stream,
                usage);
    }

    private static double number(JsonNode body, String name, double fallback, double min, double max) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
            throw OpenAiError.invalid(name, name + " must be a number from " + min + " to " + max + ", not " + n);
        }
        return n.asDouble();
    }
}
