package dev.dlforge.serve.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dlforge.core.io.Json;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events to every open studio page: training progress as it happens. A page that
 * connects mid-run first receives the current job's story so far (its start, finished epochs and the
 * latest batch), then live events. Idle connections get a comment every 15 s so proxies keep them.
 */
public final class EventHub implements AutoCloseable {
    private static final ObjectWriter JSON = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final List<String> story = new ArrayList<>();
    private String lastBatch;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dlforge-studio-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public EventHub() {
        heartbeat.scheduleAtFixedRate(() -> clients.forEach(c -> send(c, null)), 15, 15, TimeUnit.SECONDS);
    }

    /** Adds a page: it gets the story so far, then every new event until it disconnects. */
    public void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        synchronized (this) {
            story.forEach(e -> send(client, e));
            if (lastBatch != null) {
                send(client, lastBatch);
            }
            clients.add(client);
        }
    }

    /** Starts a new story (a new training job). */
    public synchronized void reset() {
        story.clear();
        lastBatch = null;
    }

    /** Sends {@code event} (it has a {@code type}) to every page; batch events replace each other in the story. */
    public synchronized void publish(Map<String, Object> event) {
        String json;
        try {
            json = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not serialisable: " + event, e);
        }
        if ("batch".equals(event.get("type"))) {
            lastBatch = json;
        } else {
            if (lastBatch != null) { // it came before this event: a page joining later must not get it after the end
                story.add(lastBatch);
                lastBatch = null;
            }
            story.add(json);
        }
        clients.forEach(c -> send(c, json));
    }

    private void send(SseClient client, String json) {
        synchronized (client) { // the heartbeat and the training thread may write at once
            if (client.terminated()) {
                clients.remove(client);
                return;
            }
            try {
                if (json == null) {
                    client.sendComment("keep-alive");
                } else {
                    client.sendEvent("message", json);
                }
            } catch (RuntimeException e) {
                clients.remove(client); // the page went away mid-write
            }
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        clients.forEach(SseClient::close);
        clients.clear();
    }
}
