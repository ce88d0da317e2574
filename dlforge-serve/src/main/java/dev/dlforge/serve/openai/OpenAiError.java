package dev.dlforge.serve.openai;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error as OpenAI's API sends it: {@code {"error": {"message", "type", "param", "code"}}} with an HTTP status, so
 * that OpenAI clients raise their typed exceptions (BadRequest, RateLimit, ...) with our message.
 */
public final class OpenAiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;
    private final String param;
    private final String code;

    public OpenAiError(int status, String message, String type, String param, String code) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** A 400 about one parameter. */
    public static OpenAiError invalid(String param, String message) {
        return new OpenAiError(400, message, "invalid_request_error", param, null);
    }

    public int status() {
        return status;
    }

    /** The response body. */
    public Map<String, Object> body() {
        return body(status, getMessage(), type, param, code);
    }

    static Map<String, Object> body(int status, String message, String type, String param, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type == null ? typeOf(status) : type);
        error.put("param", param);
        error.put("code", code);
        return Map.of("error", error);
    }

    /** OpenAI's error type for a status: what its clients expect to read. */
    static String typeOf(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
