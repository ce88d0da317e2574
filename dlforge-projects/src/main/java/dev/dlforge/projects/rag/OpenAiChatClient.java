package dev.dlforge.projects.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client of any OpenAI-compatible {@code POST /chat/completions} endpoint (OpenAI, llama.cpp's
 * server, vLLM, Ollama's /v1): it sends {@code {"model", "messages": [system, user], "temperature": 0}}
 * and reads {@code choices[0].message.content}. The URL may be the API base ({@code .../v1}) or the
 * full endpoint. Every failure is a {@link DlforgeException} that names the cause: connection
 * refused, timeout, a rejected key (401/403), another HTTP status, or a body that is not a chat
 * completion.
 */
public final class OpenAiChatClient implements ChatGenerator {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final String PATH = "/chat/completions";

    private final URI endpoint;
    private final String key;
    private final String model;
    private final Duration timeout;
    private final HttpClient http;

    /** {@code key} may be null or empty for local servers that need none. */
    public OpenAiChatClient(String url, String key, String model, Duration timeout) {
        this.endpoint = endpoint(url);
        if (model == null || model.isBlank()) {
            throw new DlforgeException("--llm-url needs a model name", "pass --llm-model, e.g. --llm-model gpt-4o-mini");
        }
        this.key = key == null ? "" : key;
        this.model = model;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    static URI endpoint(String url) {
        String u = url == null ? "" : url.strip();
        try {
            URI uri = new URI(u.endsWith(PATH) ? u : u.replaceAll("/+$", "") + PATH);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(u, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new DlforgeException("--llm-url '" + url + "' is not a usable URL: " + e.getReason(),
                    "pass the API base, e.g. --llm-url http://localhost:8080/v1");
        }
    }

    @Override
    public String name() {
        return model + " at " + endpoint;
    }

    @Override
    public String complete(String system, String user) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("model", model).put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (!key.isEmpty()) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new DlforgeException("could not connect to " + endpoint + " within " + timeout.toSeconds() + " s",
                    "check --llm-url and that the server is reachable", e);
        } catch (HttpTimeoutException e) {
            throw new DlforgeException(endpoint + " did not answer within " + timeout.toSeconds() + " s",
                    "the model may be busy or slow; try again, or use a smaller --llm-model", e);
        } catch (ConnectException e) {
            throw new DlforgeException("could not connect to " + endpoint + " (connection refused)",
                    "is the server running? check the host and port of --llm-url", e);
        } catch (IOException e) {
            throw new DlforgeException("the request to " + endpoint + " failed: " + e, "check --llm-url and the network", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DlforgeException("interrupted while waiting for " + endpoint, "", e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new DlforgeException(endpoint + " rejected the request (HTTP " + status + "): " + Answer.excerpt(response.body(), 200),
                    key.isEmpty() ? "the server needs a key: pass --llm-key" : "check --llm-key");
        }
        if (status / 100 != 2) {
            throw new DlforgeException(endpoint + " answered HTTP " + status + ": " + Answer.excerpt(response.body(), 300),
                    status == 404 ? "check --llm-url (the API base, e.g. http://host:port/v1) and --llm-model" : "check the server's log");
        }
        return content(response.body());
    }

    /** {@code choices[0].message.content} of a chat-completion body. */
    String content(String body) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new DlforgeException(endpoint + " answered with malformed JSON: " + Answer.excerpt(body, 200),
                    "is --llm-url an OpenAI-compatible chat-completions API?", e);
        }
        JsonNode content = json == null ? null : json.path("choices").path(0).path("message").path("content");
        if (content == null || !content.isTextual()) {
            throw new DlforgeException(endpoint + " answered JSON without choices[0].message.content: " + Answer.excerpt(body, 200),
                    "is --llm-url an OpenAI-compatible chat-completions API?");
        }
        return content.asText();
    }
}
