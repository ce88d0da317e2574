package dev.dlforge.serve.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.llm.serving.SchedulerConfig;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.batch.BatchingConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server under pressure: a full queue is 429 with Retry-After, a client that goes away frees its slot and blocks,
 * and a server off loopback needs its key. The scheduler is held between iterations (not slowed) to make the states.
 */
@Timeout(120) // a state never reached (a slot never freed) fails here instead of hanging the build
class OverloadTest {
    private static ChatCompletionCreateParams params(int maxTokens) {
        return ChatCompletionCreateParams.builder().model(LlmTestServer.NAME).addUserMessage("count to a hundred").temperature(0.0)
                .maxCompletionTokens(maxTokens).build();
    }

    private static OpenAIClient client(LlmTestServer s) {
        return OpenAIOkHttpClient.builder().baseUrl(s.baseUrl()).apiKey("unused").maxRetries(0).build();
    }

    private static JsonNode health(LlmTestServer s) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.server.url() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    /** Waits for a state of the server (no time limit of its own: the test's timeout is the limit). */
    private static void awaitState(BooleanSupplier state) throws InterruptedException {
        while (!state.getAsBoolean()) {
            Thread.sleep(20);
        }
    }

    @Test
    void aFullQueueAnswers429WithRetryAfter() throws Exception {
        // one running, one waiting: the third request finds the queue full
        try (LlmTestServer s = new LlmTestServer(new SchedulerConfig(1, 1, 64, 4L << 20))) {
            OpenAIClient client = client(s);
            s.hold();
            CompletableFuture<?> running = CompletableFuture.runAsync(() -> client.chat().completions().create(params(5)));
            awaitState(() -> s.server.llm().scheduler().stats().running() == 1);
            CompletableFuture<?> waiting = CompletableFuture.runAsync(() -> client.chat().completions().create(params(5)));
            awaitState(() -> s.server.llm().scheduler().stats().waiting() == 1);
            assertThatThrownBy(() -> client.chat().completions().create(params(5))).isInstanceOf(RateLimitException.class)
                    .satisfies(e -> {
                        RateLimitException r = (RateLimitException) e;
                        assertThat(r.headers().values("Retry-After")).containsExactly("1");
                        assertThat(r.code()).hasValue("queue_full");
                    });
            s.release();
            running.get();
            waiting.get();
            assertThat(client.chat().completions().create(params(3)).choices()).hasSize(1); // served again once the queue drains
        }
    }

    @Test
    void aClientThatDisconnectsMidStreamFreesItsSlotAndBlocks() throws Exception {
        try (LlmTestServer s = LlmTestServer.standard()) {
            OpenAIClient client = client(s);
            s.hold(); // the stream is admitted, then held before its first forward pass
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(1000))) {
                Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
                assertThat(chunks.next().choices().get(0).delta().role()).isPresent(); // the stream has begun
                awaitState(() -> s.server.llm().scheduler().stats().running() == 1);
            } // the client closes the connection here
            s.release();
            awaitState(() -> s.server.llm().scheduler().stats().cancellations() == 1);
            awaitState(() -> s.server.llm().scheduler().stats().running() == 0);
            JsonNode h = health(s);
            assertThat(h.get("kv_blocks_free").asInt()).isEqualTo(h.get("kv_blocks_total").asInt());
            assertThat(s.server.llm().scheduler().stats().iterations()).isLessThan(1000); // it did not generate its 1000 tokens
        }
    }

    @Test
    void offLoopbackEveryApiCallNeedsTheKey() throws Exception {
        assertThatThrownBy(() -> new ServeConfig("0.0.0.0", 0, null, BatchingConfig.defaults(), ServeConfig.DEFAULT_MAX_BODY,
                ServeConfig.DEFAULT_TIMEOUT_MS)).isInstanceOf(DlforgeException.class).hasMessageContaining("without a key");
        ServeConfig keyed = new ServeConfig("127.0.0.1", 0, "s3cret", BatchingConfig.defaults(), ServeConfig.DEFAULT_MAX_BODY,
                ServeConfig.DEFAULT_TIMEOUT_MS);
        try (LlmServer server = LlmServer.start(keyed, SchedulerConfig.defaults().withKvBudget(4L << 20), LlmTestServer.NAME,
                LlmTestServer.tinyLlama())) {
            OpenAIClient wrong = OpenAIOkHttpClient.builder().baseUrl(server.url() + "/v1").apiKey("wrong").maxRetries(0).build();
            assertThatThrownBy(() -> wrong.chat().completions().create(params(3))).isInstanceOf(UnauthorizedException.class)
                    .satisfies(e -> assertThat(((UnauthorizedException) e).code()).hasValue("invalid_api_key"));
            OpenAIClient right = OpenAIOkHttpClient.builder().baseUrl(server.url() + "/v1").apiKey("s3cret").maxRetries(0).build();
            assertThat(right.chat().completions().create(params(3)).choices()).hasSize(1);
            wrong.close();
            right.close();
        }
    }
}
