package dev.dlforge.serve.batch;

/**
 * How requests for one model are grouped.
 *
 * @param maxBatch run at most this many requests in one forward pass
 * @param maxDelayMs wait at most this long after the first queued request for others to join it
 * @param queueCapacity requests that may wait; one more is refused (HTTP 429), the queue never grows
 */
public record BatchingConfig(int maxBatch, int maxDelayMs, int queueCapacity) {

    public BatchingConfig {
        if (maxBatch < 1 || maxDelayMs < 0 || queueCapacity < 1) {
            throw new IllegalArgumentException("need maxBatch >= 1, maxDelayMs >= 0, queueCapacity >= 1; got "
                    + maxBatch + ", " + maxDelayMs + ", " + queueCapacity);
        }
    }

    public static BatchingConfig defaults() {
        return new BatchingConfig(32, 5, 256);
    }
}
