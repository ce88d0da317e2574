package dev.dlforge.projects.serving;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.projects.serving.output.Output;
import java.util.List;

/**
 * A loaded model that answers requests in batches: the one interface {@code dlforge serve} and the
 * studio need from a project. Requests are decoded and checked on the caller's thread
 * ({@link #decode}, may run concurrently); {@link #predict} runs the model once for a whole batch
 * on the serving thread of this model (never concurrently). Outputs are one of the {@link Output} shapes,
 * which the API, the studio and the CLI each render once.
 *
 * @param <I> a decoded, validated input
 * @param <O> one input's answer
 */
public interface Predictor<I, O extends Output> extends AutoCloseable {

    ModelCard card();

    /** Turns a request into a model input, or throws {@link InvalidInputException} saying why not. */
    I decode(Payload payload);

    /** One output per input, in the same order. */
    List<O> predict(List<I> batch);

    /** Media types {@link #decode} accepts, for the API's documentation and 415 errors. */
    List<String> accepts();

    @Override
    void close();
}
