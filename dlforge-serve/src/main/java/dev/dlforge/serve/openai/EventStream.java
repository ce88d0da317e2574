package dev.dlforge.serve.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events as OpenAI streams them: {@code data: JSON} per chunk, then {@code data: [DONE]}. A write that
 * fails means the client has gone: the caller cancels its generation.
 */
final class EventStream {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OutputStream out;

    EventStream(Context ctx) throws IOException {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        this.out = ctx.res().getOutputStream();
        out.flush(); // the headers go now: the client sees the stream start before the first token
    }

    void send(Object chunk) throws IOException {
        write("data: " + JSON.writeValueAsString(chunk) + "\n\n");
    }

    /** A comment line: keeps the connection alive while the request waits, and finds a client that has gone. */
    void keepAlive() throws IOException {
        write(": waiting\n\n");
    }

    void done() throws IOException {
        write("data: [DONE]\n\n");
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
