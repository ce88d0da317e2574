package dev.dlforge.projects.text;

import dev.dlforge.core.io.FileTrees;
import dev.dlforge.core.run.RunDir;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which of a run's models is served, by the recipe's {@link ServedModelRule}; never chosen on the
 * test split.
 *
 * <p>{@link ServedModelRule#VALIDATION_F1}: the highest validation F1, the first model on ties.
 *
 * <p>{@link ServedModelRule#RECALL_AT_FALSE_POSITIVE_RATE} prefers the simpler model unless a more
 * complex one is better by more than noise. With m_i model i's validation recall at its threshold
 * (its validation false-positive rate at most the recipe's), measured on n validation positives, and
 * m* the highest: se = sqrt(m* (1 - m*) / n), the binomial standard error of a recall measured on n
 * texts, and at least 1/n (one text). Every model with m_i >= m* - se is within noise of the best;
 * the served one is the simplest of those by {@link TextModel#complexity()} (naive Bayes = TF-IDF
 * logistic regression ({@link ModelComplexity#LINEAR}) &lt; embedding network, LSTM
 * ({@link ModelComplexity#NEURAL}) &lt; MiniLM ({@link ModelComplexity#PRETRAINED})), then the
 * higher m_i, then report order. E.g. n = 180 spam, m* = 0.90: se = 0.022, so an embedding network
 * at 0.91 loses to TF-IDF at 0.895, and wins against 0.88.
 */
final class ModelSelection {

    /** The served model, and why (one sentence for the console and the report). */
    record Choice(ModelResult served, String reason) {

        /** Makes the served model the run's {@code model/}: a copy of its {@code models/<name>/}. */
        void install(RunDir run) throws IOException {
            FileTrees.delete(run.model());
            FileTrees.copy(run.path().resolve(TextClassificationProject.MODELS).resolve(served.model().name()), run.model());
        }

        /** The console's line: which model is served, why, and how it answers. */
        String line() {
            return "served model: " + served.model().name() + ": " + reason
                    + (served.decision() == null ? "" : "; it answers " + served.decision().rule());
        }
    }

    private ModelSelection() {}

    static Choice choose(List<ModelResult> results, ServedModelRule rule) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no models to choose from");
        }
        return rule.thresholds() ? byRecallWithinNoise(results) : byValidationF1(results);
    }

    private static Choice byValidationF1(List<ModelResult> results) {
        ModelResult served = results.get(0);
        for (ModelResult r : results) {
            if (r.validationF1() > served.validationF1()) {
                served = r;
            }
        }
        String reason = Double.isNaN(served.validationF1()) ? "no validation texts, so the first model is served"
                : String.format(Locale.ROOT, "the best validation F1 (%.4f)", served.validationF1());
        return new Choice(served, reason);
    }

    private static Choice byRecallWithinNoise(List<ModelResult> results) {
        if (results.stream().anyMatch(r -> r.decision() == null || Double.isNaN(r.decision().validationRecall()))) {
            return new Choice(results.get(0), "no validation texts of both classes, so the first model is served");
        }
        ModelResult best = results.stream().max(Comparator.comparingDouble(ModelSelection::recall)).orElseThrow();
        double m = recall(best);
        long n = best.decision().validationPositives();
        double se = standardError(m, n);
        ModelResult served = null;
        for (ModelResult r : results) {
            if (recall(r) < m - se) {
                continue;
            }
            int simpler = served == null ? -1 : r.model().complexity().compareTo(served.model().complexity());
            if (served == null || simpler < 0 || simpler == 0 && recall(r) > recall(served)) {
                served = r;
            }
        }
        String head = String.format(Locale.ROOT, "%s has the highest validation recall at a false-positive rate <= %s %s (%.4f of %d %s "
                + "texts; one standard error %.4f)", best.model().name(), DecisionThreshold.percent(best.decision().maxFalsePositiveRate()),
                best.decision().scope(), m, n, best.decision().positive(), se);
        if (served == best) {
            return new Choice(served, head + "; no simpler model is within one standard error of it");
        }
        return new Choice(served, String.format(Locale.ROOT, "%s; %s (%.4f) is within one standard error and simpler (%s, not %s), "
                + "so it is served", head, served.model().name(), recall(served), name(served.model().complexity()), name(best.model().complexity())));
    }

    /** sqrt(m (1 - m) / n), at least one text's worth (1/n). */
    static double standardError(double m, long n) {
        return Math.max(Math.sqrt(m * (1 - m) / n), 1.0 / n);
    }

    private static double recall(ModelResult r) {
        return r.decision().validationRecall();
    }

    private static String name(ModelComplexity c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
