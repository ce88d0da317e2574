package dev.dlforge.projects.lm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.io.Json;
import dev.dlforge.models.lm.GenerationConfig;
import dev.dlforge.projects.serving.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One text to continue and how, as the API takes it: a plain-text prompt, or JSON
 * <pre>{"prompt": "...", "max_tokens": 200, "temperature": 0.8, "top_k": 200, "top_p": 1.0,
 *  "repetition_penalty": 1.0, "stop": ["\n\n"], "seed": 1337}</pre>
 * where every field but {@code prompt} is optional and falls back to the model's defaults. Absent
 * and {@code null} are the same. The limits keep one request from holding a batch for long: a
 * prompt is at most {@value #MAX_PROMPT_CHARS} characters and a reply {@value #MAX_TOKENS} tokens.
 * Requests always decode with the model's cache (it changes speed, not text).
 *
 * @param prompt the text the model continues, never empty
 * @param config the sampling settings, within the limits above
 */
public record GenerationRequest(String prompt, GenerationConfig config) {
    public static final int MAX_PROMPT_CHARS = 20_000;
    public static final int MAX_TOKENS = 1_024;
    public static final double MAX_TEMPERATURE = 10;
    public static final double MAX_REPETITION_PENALTY = 10;
    public static final int MAX_STOP_STRINGS = 8;
    public static final int MAX_STOP_CHARS = 200;

    private static final Set<String> FIELDS = new TreeSet<>(
            List.of("prompt", "max_tokens", "temperature", "top_k", "top_p", "repetition_penalty", "stop", "seed"));
    private static final String EXAMPLE = "send {\"prompt\": \"Call me\", \"max_tokens\": 100, \"temperature\": 0.8}";

    /** A plain-text prompt, sampled with the model's defaults (capped to {@link #MAX_TOKENS}). */
    public static GenerationRequest ofText(String prompt, GenerationConfig defaults) {
        return new GenerationRequest(checkedPrompt(prompt), servable(defaults));
    }

    /** A JSON request; every problem is an {@link InvalidInputException} (HTTP 400) that names the field. */
    public static GenerationRequest ofJson(byte[] body, GenerationConfig defaults) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw InvalidInputException.badRequest("the body is not valid JSON: " + e.getOriginalMessage(), EXAMPLE);
        }
        if (json == null || !json.isObject()) {
            throw InvalidInputException.badRequest("the JSON body must be an object with a \"prompt\"", EXAMPLE);
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw InvalidInputException.badRequest("unknown field \"" + name + "\"", "the fields are: " + String.join(", ", FIELDS));
            }
        }
        JsonNode prompt = field(json, "prompt");
        if (prompt == null || !prompt.isTextual()) {
            throw InvalidInputException.badRequest("the JSON body has no \"prompt\" string", EXAMPLE);
        }
        GenerationConfig d = servable(defaults);
        GenerationConfig config = new GenerationConfig(
                (int) integer(json, "max_tokens", d.maxTokens(), 1, MAX_TOKENS),
                number(json, "temperature", d.temperature(), 0, true, MAX_TEMPERATURE, "0 (greedy) to " + MAX_TEMPERATURE),
                (int) integer(json, "top_k", d.topK(), 0, Integer.MAX_VALUE),
                number(json, "top_p", d.topP(), 0, false, 1, "above 0 and at most 1"),
                number(json, "repetition_penalty", d.repetitionPenalty(), 0, false, MAX_REPETITION_PENALTY,
                        "above 0 and at most " + MAX_REPETITION_PENALTY + " (1 is off)"),
                stop(json, d.stop()),
                integer(json, "seed", d.seed(), Long.MIN_VALUE, Long.MAX_VALUE),
                true);
        return new GenerationRequest(checkedPrompt(prompt.asText()), config);
    }

    /** The defaults as a request may use them: reply capped, cache on. */
    static GenerationConfig servable(GenerationConfig defaults) {
        return defaults.withMaxTokens(Math.min(defaults.maxTokens(), MAX_TOKENS)).withCache(true);
    }

    private static String checkedPrompt(String prompt) {
        if (prompt.isEmpty()) {
            throw InvalidInputException.badRequest("the prompt is empty", "give the model some text to continue (a newline will do)");
        }
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw InvalidInputException.badRequest("the prompt has " + prompt.length() + " characters, over the limit of " + MAX_PROMPT_CHARS,
                    "send a shorter prompt: the model only reads its last context-length tokens anyway");
        }
        return prompt;
    }

    /** The field, or null when it is absent or JSON null. */
    private static JsonNode field(JsonNode json, String name) {
        JsonNode v = json.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private static long integer(JsonNode json, String name, long fallback, long min, long max) {
        JsonNode v = field(json, name);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            String range = min == Long.MIN_VALUE ? "a whole number" : "a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max);
            throw InvalidInputException.badRequest("\"" + name + "\" must be " + range + ", got " + v,
                    "fix \"" + name + "\" or leave it out for the model's default");
        }
        return v.asLong();
    }

    private static double number(JsonNode json, String name, double fallback, double min, boolean minIncluded, double max, String range) {
        JsonNode v = field(json, name);
        if (v == null) {
            return fallback;
        }
        double x = v.asDouble();
        if (!v.isNumber() || !(minIncluded ? x >= min : x > min) || !(x <= max)) {
            throw InvalidInputException.badRequest("\"" + name + "\" must be a number " + range + ", got " + v,
                    "fix \"" + name + "\" or leave it out for the model's default");
        }
        return x;
    }

    /** A string or an array of strings. */
    private static List<String> stop(JsonNode json, List<String> fallback) {
        JsonNode v = field(json, "stop");
        if (v == null) {
            return fallback;
        }
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else {
            items.add(v);
        }
        if (items.size() > MAX_STOP_STRINGS) {
            throw InvalidInputException.badRequest("\"stop\" has " + items.size() + " strings, over the limit of " + MAX_STOP_STRINGS,
                    "send at most " + MAX_STOP_STRINGS + " stop strings");
        }
        List<String> stop = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isTextual() || item.asText().isEmpty() || item.asText().length() > MAX_STOP_CHARS) {
                throw InvalidInputException.badRequest("\"stop\" must hold non-empty strings of at most " + MAX_STOP_CHARS + " characters, got " + item,
                        "send \"stop\": [\"\\n\\n\"] or a single string");
            }
            stop.add(item.asText());
        }
        return stop;
    }
}
