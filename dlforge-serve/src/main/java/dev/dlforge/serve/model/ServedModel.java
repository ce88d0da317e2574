package dev.dlforge.serve.model;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.serving.Predictor;
import dev.dlforge.projects.serving.output.Output;
import dev.dlforge.serve.batch.BatchObserver;
import dev.dlforge.serve.batch.BatchingConfig;
import dev.dlforge.serve.batch.DynamicBatcher;
import java.util.concurrent.CompletableFuture;

/**
 * A model being served under a name: its predictor behind a {@link DynamicBatcher}. Requests are
 * decoded and checked on the caller's thread, so bad input never reaches (or slows) the batch.
 */
public final class ServedModel<I, O extends Output> implements AutoCloseable {
    private final Predictor<I, O> predictor;
    private final DynamicBatcher<I, O> batcher;
    private final String run;

    /**
     * @param run the id of the run whose model this is, or null for a model folder outside a run
     */
    public ServedModel(String name, Predictor<I, O> predictor, BatchingConfig config, BatchObserver observer, String run) {
        this.predictor = predictor;
        this.batcher = new DynamicBatcher<>(name, predictor::predict, config, observer);
        this.run = run;
    }

    /** The id of the run this model came from, or null when it was served from a bare model folder. */
    public String run() {
        return run;
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
