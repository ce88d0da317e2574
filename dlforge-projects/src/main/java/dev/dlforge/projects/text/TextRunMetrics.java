package dev.dlforge.projects.text;

import dev.dlforge.core.eval.ClassificationScores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What metrics.json records of a text-classification run: the served model's test figures (and
 * extra sets'), then every model's under its name, e.g. {@code naive-bayes_test_f1}. Test figures
 * count the answers the model gives as served (at its threshold, if it has one).
 */
final class TextRunMetrics {
    private TextRunMetrics() {}

    /** {@code test_accuracy}, {@code _precision}, {@code _recall}, {@code _f1}, {@code _auc}, {@code _average_precision}, {@code _false_positive_rate}. */
    static Map<String, Double> test(ClassificationScores s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test_accuracy", s.accuracy());
        m.put("test_precision", s.precision());
        m.put("test_recall", s.recall());
        m.put("test_f1", s.f1());
        m.put("test_auc", s.auc());
        m.put("test_average_precision", s.averagePrecision());
        if (s.positiveClass() >= 0) {
            m.put("test_false_positive_rate", s.falsePositiveRate());
        }
        return m;
    }

    /** The threshold of a model and its figures on validation, as {@code decision_threshold}, {@code val_recall_at_threshold}... */
    static Map<String, Double> decision(DecisionThreshold d) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (d != null) {
            m.put("decision_threshold", d.threshold());
            m.put("val_recall_at_threshold", d.validationRecall());
            m.put("val_false_positive_rate_at_threshold", d.validationFalsePositiveRate());
        }
        return m;
    }

    /** The entries of {@code metrics} that belong to one of {@code sets}. */
    static Map<String, Double> extra(Map<String, Double> metrics, List<ExtraTestSet> sets) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (ExtraTestSet set : sets) {
            metrics.forEach((k, v) -> {
                if (k.startsWith(set.name() + "_")) {
                    m.put(k, v);
                }
            });
        }
        return m;
    }

    /** The served model's figures, then every model's as {@code <model>_test_f1}, {@code <model>_modern_ham_false_positive_rate}... */
    static Map<String, Double> run(List<ModelResult> results, ModelResult served, List<ExtraTestSet> sets) {
        Map<String, Double> m = new LinkedHashMap<>(test(served.test()));
        m.put("test_examples", (double) served.test().confusion().total());
        m.putAll(decision(served.decision()));
        m.putAll(extra(served.metrics(), sets));
        for (ModelResult r : results) {
            test(r.test()).forEach((k, v) -> m.put(r.model().name() + "_" + k, v));
            decision(r.decision()).forEach((k, v) -> m.put(r.model().name() + "_" + k, v));
            extra(r.metrics(), sets).forEach((k, v) -> m.put(r.model().name() + "_" + k, v));
            m.put(r.model().name() + "_train_seconds", r.metrics().get("train_seconds"));
        }
        if (served.metrics().containsKey("epochs")) {
            m.put("epochs", served.metrics().get("epochs"));
        }
        return m;
    }
}
