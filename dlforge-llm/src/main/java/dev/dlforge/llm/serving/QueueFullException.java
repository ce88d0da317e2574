package dev.dlforge.llm.serving;

/** The scheduler's queue holds {@code capacity} waiting requests already: try again after {@link #retryAfterSeconds()}. */
public final class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int retryAfterSeconds;

    public QueueFullException(int capacity, int retryAfterSeconds) {
        super("the server is busy: " + capacity + " requests are already waiting");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
