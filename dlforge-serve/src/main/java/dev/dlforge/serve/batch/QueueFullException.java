package dev.dlforge.serve.batch;

/** The model's queue holds as many requests as it may: the caller should retry later (HTTP 429). */
public final class QueueFullException extends RuntimeException {
    public QueueFullException(String model, int capacity) {
        super("model " + model + " has " + capacity + " requests waiting, its queue's limit");
    }
}
