package dev.dlforge.serve.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Trainings started through a studio's HTTP API, one after another, as a user clicks Train: POST
 * {@code /studio/api/train}, then GET {@code /studio/api/job} until that job is no longer running.
 */
public final class StudioTrainings {
    /**
     * A newcomer's first hour in the studio: small runs of the built projects in turn (about five
     * seconds each on 2 cores). Their data is what CI fetches for its own tests.
     */
    public static final List<String> NEWCOMER_MIX = List.of(
            "{\"project\": \"digits\", \"model\": \"mlp\", \"epochs\": 2, \"limit\": 600}",
            "{\"project\": \"fashion\", \"epochs\": 1, \"limit\": 600, \"batchSize\": 64}",
            "{\"project\": \"spam\", \"epochs\": 2, \"limit\": 300}",
            "{\"project\": \"pos\", \"epochs\": 2, \"limit\": 300, \"batchSize\": 32}",
            "{\"project\": \"digits\", \"model\": \"cnn\", \"epochs\": 2, \"limit\": 400}");
    private static final Duration POLL = Duration.ofMillis(200);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    /** @param base the studio's address, e.g. {@code http://127.0.0.1:8080} */
    public StudioTrainings(URI base) {
        this.base = base;
    }

    /**
     * How one training ended.
     *
     * @param status completed, stopped or failed
     * @param run the run id (null when it failed before it had one)
     */
    public record Ended(String project, String status, String run, String message, double seconds) {}

    /** Starts {@code request} (a train form as JSON) and waits for its end, at most {@code timeout}. */
    public Ended train(String request, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> started = send(HttpRequest.newBuilder(base.resolve("/studio/api/train"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request)));
        if (started.statusCode() != 202) {
            throw new DlforgeException("the studio refused " + request + " (" + started.statusCode() + "): " + started.body(),
                    "wait for the running training to end, or check the request");
        }
        String id = Json.MAPPER.readTree(started.body()).path("id").asText();
        long deadline = start + timeout.toNanos();
        while (true) {
            JsonNode job = Json.MAPPER.readTree(send(HttpRequest.newBuilder(base.resolve("/studio/api/job")).GET()).body());
            if (!id.equals(job.path("id").asText())) {
                throw new IllegalStateException("the studio's job is " + job + ", not the one started (" + id + ")");
            }
            if (!"running".equals(job.path("status").asText())) {
                return new Ended(job.path("project").asText(), job.path("status").asText(), job.path("run").asText(null),
                        job.path("message").asText(""), (System.nanoTime() - start) / 1e9);
            }
            if (System.nanoTime() > deadline) {
                throw new DlforgeException("training " + request + " did not end within " + timeout.toSeconds() + " s",
                        "look at the studio's console, or allow more time");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
