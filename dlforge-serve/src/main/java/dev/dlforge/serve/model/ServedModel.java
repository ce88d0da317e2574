package dev.dlforge.serve.model;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.serving.Predictor;
import dev.dlforge.serve.batch.BatchObserver;
import dev.dlforge.serve.batch.BatchingConfig;
import dev.dlforge.serve.batch.DynamicBatcher;
import java.util.concurrent.CompletableFuture;

/**
 * A model being served under a name: its predictor behind a {@link DynamicBatcher}. Requests are
 * decoded and checked on the caller's thread, so bad input never reaches (or slows) the batch.
 */
public final class ServedModel<I, O> implements AutoCloseable {
    private final Predictor<I, O> predictor;
    private final DynamicBatcher<I, O> batcher;

    public ServedModel(String name, Predictor<I, O> predictor, BatchingConfig config, BatchObserver observer) {
        this.predictor = predictor;
        this.batcher = new DynamicBatcher<>(name, predictor::predict, config, observer);
    }

    /** Decodes the payload now (throwing InvalidInputException) and queues it for the next batch. */
    public CompletableFuture<O> submit(Payload payload) {
        return batcher.submit(predictor.decode(payload));
    }

    public ModelCard card() {
        return predictor.card();
    }

    public Predictor<I, O> predictor() {
        return predictor;
    }

    public int queueDepth() {
        return batcher.queueDepth();
    }

    /** Answers what is queued, then frees the model's memory. */
    @Override
    public void close() {
        batcher.close();
        predictor.close();
    }
}
