package dev.dlforge.serve.batch;

/** Told of every batch a {@link DynamicBatcher} runs (for metrics). */
public interface BatchObserver {

    void onBatch(int size, double seconds);

    BatchObserver NONE = (size, seconds) -> {};
}
