package dev.dlforge.serve.openai;

import dev.dlforge.llm.serving.FinishReason;
import dev.dlforge.llm.serving.Generation;
import dev.dlforge.llm.serving.GenerationListener.Finish;
import dev.dlforge.llm.serving.GenerationListener.Token;
import dev.dlforge.llm.serving.GenerationRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One generation on the request's thread: submitted to the scheduler, its tokens handed to a {@link Sink} as they come.
 * A sink that fails (the client has gone) cancels the generation, which frees its KV blocks.
 */
final class GenerationRun {
    /** Where tokens go; {@link #idle()} is called every second without one (a stream sends a keep-alive). */
    interface Sink {
        void token(Token token) throws IOException;

        default void idle() throws IOException {
        }
    }

    /** What was generated. */
    record Result(String text, List<Token> tokens, Finish finish) {
        String finishReason() {
            return finish.reason() == FinishReason.LENGTH ? "length" : "stop";
        }
    }

    private GenerationRun() {
    }

    static Result run(ServedLlm llm, GenerationRequest request, Sink sink, int[] retryAfter) throws IOException {
        GenerationEvents events = new GenerationEvents();
        Generation generation = llm.submit(request, events, retryAfter);
        StringBuilder text = new StringBuilder();
        List<Token> tokens = new ArrayList<>();
        try {
            while (true) {
                Object e = events.next(1000);
                if (e == null) {
                    sink.idle();
                } else if (e instanceof Token t) {
                    tokens.add(t);
                    text.append(t.text());
                    sink.token(t);
                } else {
                    Finish f = (Finish) e;
                    if (f.reason() == FinishReason.ERROR) {
                        throw new OpenAiError(500, f.error(), "server_error", null, null);
                    }
                    return new Result(text.toString(), tokens, f);
                }
            }
        } catch (IOException | RuntimeException e) {
            generation.cancel();
            throw e;
        } catch (InterruptedException e) {
            generation.cancel();
            Thread.currentThread().interrupt();
            throw new OpenAiError(503, "the server is shutting down", "server_error", null, null);
        }
    }

    /** Collects the whole generation (a request that does not stream). */
    static Result collect(ServedLlm llm, GenerationRequest request, int[] retryAfter) {
        try {
            return run(llm, request, t -> { }, retryAfter);
        } catch (IOException e) {
            throw new IllegalStateException("a sink that only collects does not fail", e);
        }
    }
}
