package dev.dlforge.projects.vision;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.eval.ClassifierEvaluation;
import dev.dlforge.core.train.BatchSource;
import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.image.ImageBatches;
import dev.dlforge.data.image.LabeledImages;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A second test set from another source than the training data (for digits: digits rendered from
 * fonts, where the model learned from handwriting), read like user pictures: each raw image goes
 * through the project's own framing. A high in-source test accuracy says the model learned its
 * dataset; this figure says whether it works on input it was not drawn from.
 *
 * @param key metric prefix: the run records {@code <key>_accuracy} and {@code <key>_examples}
 * @param title what the set is, in every output that shows the figure (e.g. "digits rendered from fonts")
 * @param dataset where the raw images come from
 */
public record OutOfSourceTest(String key, String title, Dataset<LabeledImages> dataset) {

    /** The set's accuracy and its evaluation, for the report. */
    public record Result(OutOfSourceTest test, LabeledImages images, ClassifierEvaluation evaluation) {

        public void addTo(Map<String, Double> metrics) {
            metrics.put(test.key() + "_accuracy", evaluation.accuracy());
            metrics.put(test.key() + "_examples", (double) evaluation.size());
        }
    }

    /**
     * Evaluates {@code model} (test batches to its evaluation) on the set, framed by {@code framing}; at most {@code limit} images
     * (stratified, 0 for all). The set is fetched on first use; when it cannot be had, the run goes
     * on without it and the console says why (the in-source figure stands alone).
     */
    public Optional<Result> run(Function<BatchSource, ClassifierEvaluation> model, UnaryOperator<LabeledImages> framing, int limit,
            long seed, int classes, PrintStream console) {
        LabeledImages raw;
        try {
            var dir = new DatasetResolver(DlforgeHome.current().datasets()).resolve(dataset.spec(), null);
            raw = dataset.read(dir);
        } catch (DlforgeException | IOException e) {
            console.println("out-of-source test (" + title + ") skipped: " + e.getMessage()
                    + (e instanceof DlforgeException d && d.hint() != null ? " (" + d.hint() + ")" : ""));
            return Optional.empty();
        }
        LabeledImages images = framing.apply(limit > 0 ? raw.sample(limit, classes, seed) : raw);
        ClassifierEvaluation evaluation = model.apply(ImageBatches.evaluation(images, ImageClassifierProject.EVAL_BATCH));
        console.printf(Locale.ROOT, "out-of-source test, %s: accuracy %.4f on %,d images%n", title, evaluation.accuracy(), evaluation.size());
        return Optional.of(new Result(this, images, evaluation));
    }
}
