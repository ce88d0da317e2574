package dev.dlforge.projects.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.io.Json;
import dev.dlforge.data.text.TextDecoder;
import dev.dlforge.data.text.TextRepairs;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One prediction request as it arrived, before a {@link Predictor} makes sense of it.
 *
 * @param contentType the media type without parameters, lower case, e.g. {@code image/png}
 * @param body the raw bytes (already capped in size by the server)
 * @param options query options such as {@code top=3}
 * @param origin where the body came from, as error messages name it: {@value #REQUEST} or e.g. a file's path
 */
public record Payload(String contentType, byte[] body, Map<String, String> options, String origin) {
    /** The origin of a body that came over HTTP. */
    public static final String REQUEST = "in the request";

    /** An empty body is refused here, for every project and route (a blank text where a text is classified: {@link #plainText}). */
    public Payload {
        if (body == null || body.length == 0) {
            throw InvalidInputException.empty(REQUEST.equals(origin) ? "the request body" : origin);
        }
    }

    /** A request's body. */
    public Payload(String contentType, byte[] body, Map<String, String> options) {
        this(contentType, body, options, REQUEST);
    }

    /** A {@code text/plain} body as text to classify or ask about; white space only is refused. */
    public String plainText() {
        String text = TextDecoder.decode(body, new TextRepairs());
        if (InvalidInputException.isBlank(text)) {
            throw InvalidInputException.empty("the text");
        }
        return text;
    }

    /** An integer option in [min, max], or {@code fallback} when absent. */
    public int intOption(String name, int fallback, int min, int max) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw InvalidInputException.badRequest("option " + name + "=" + v + " is not a whole number in [" + min + ", " + max + "]",
                "pass ?" + name + "=N with N in that range");
    }

    /** The {@code "text"} string of a JSON object body, as text projects take it: {@code {"text": "..."}}. */
    public String jsonText() {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw InvalidInputException.badRequest("the body is not valid JSON: " + e.getOriginalMessage(), "check the request body");
        }
        JsonNode text = json == null ? null : json.get("text");
        if (text == null || !text.isTextual()) {
            throw InvalidInputException.badRequest("the JSON body has no \"text\" string", "send {\"text\": \"...\"}");
        }
        if (InvalidInputException.isBlank(text.asText())) {
            throw InvalidInputException.empty("the \"text\" string");
        }
        return text.asText();
    }
}
