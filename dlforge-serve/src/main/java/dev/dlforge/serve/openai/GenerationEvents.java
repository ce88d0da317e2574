package dev.dlforge.serve.openai;

import dev.dlforge.llm.serving.GenerationListener;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands a generation's events from the scheduler's thread (which must not wait for a slow client) to the request's
 * thread, which takes them in order: tokens, then exactly one finish.
 */
final class GenerationEvents implements GenerationListener {
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    @Override
    public void token(Token token) {
        events.add(token);
    }

    @Override
    public void finished(Finish finish) {
        events.add(finish);
    }

    /** The next event (a {@link Token} or the {@link Finish}), or null after {@code timeoutMs} without one. */
    Object next(long timeoutMs) throws InterruptedException {
        return events.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }
}
