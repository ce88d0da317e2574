package dev.dlforge.llm.serving;

/** A submitted request: {@link #cancel()} ends it (a client that disconnects) and frees its KV blocks. */
public interface Generation {
    /** Idempotent; a request still queued leaves the queue at once, a running one at the end of the current iteration. */
    void cancel();

    boolean isCancelled();
}
