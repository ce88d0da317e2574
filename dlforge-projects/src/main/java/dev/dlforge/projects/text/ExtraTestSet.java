package dev.dlforge.projects.text;

import dev.dlforge.core.eval.ClassificationScores;
import dev.dlforge.data.text.LabeledTexts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fixed labelled set every model of a run is also measured on, besides the dataset's own test
 * split: e.g. sentences written to probe negation and contrast. Each text may carry tags, and the
 * report gives the accuracy per tag.
 *
 * @param name metric prefix, e.g. {@code handwritten} gives {@code handwritten_accuracy}
 * @param title for the report, e.g. "the 320 hand-written sentences"
 * @param about where the set comes from, for the report
 * @param texts the labelled texts, classes in the dataset's order
 * @param tags per text, what it exercises
 * @param tagOrder every tag, in report order
 */
public record ExtraTestSet(String name, String title, String about, LabeledTexts texts, List<Set<String>> tags, List<String> tagOrder) {

    public ExtraTestSet {
        if (tags.size() != texts.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + tags.size() + " tag sets");
        }
        tags = List.copyOf(tags);
        tagOrder = List.copyOf(tagOrder);
    }

    public ClassificationScores scores(float[][] probabilities, int positiveClass) {
        return scores(probabilities, positiveClass, null);
    }

    /** Scores of the answers {@code decision} gives (the most probable class when it is null). */
    public ClassificationScores scores(float[][] probabilities, int positiveClass, DecisionThreshold decision) {
        return ClassificationScores.of(texts.labels(), DecisionThreshold.decide(decision, probabilities, texts.classes()), probabilities,
                texts.classes().size(), positiveClass);
    }

    /** Accuracy on the texts carrying each tag (NaN for a tag no text carries), in {@link #tagOrder}. */
    public double[] tagAccuracy(float[][] probabilities) {
        return tagAccuracy(probabilities, null);
    }

    /** As {@link #tagAccuracy(float[][])}, of the answers {@code decision} gives. */
    public double[] tagAccuracy(float[][] probabilities, DecisionThreshold decision) {
        int[] answers = DecisionThreshold.decide(decision, probabilities, texts.classes());
        double[] accuracy = new double[tagOrder.size()];
        for (int k = 0; k < tagOrder.size(); k++) {
            int n = 0;
            int right = 0;
            for (int i = 0; i < texts.size(); i++) {
                if (tags.get(i).contains(tagOrder.get(k))) {
                    n++;
                    right += answers[i] == texts.labels()[i] ? 1 : 0;
                }
            }
            accuracy[k] = n == 0 ? Double.NaN : right / (double) n;
        }
        return accuracy;
    }

    /** Texts per tag, in {@link #tagOrder}. */
    public int[] tagCounts() {
        int[] counts = new int[tagOrder.size()];
        for (Set<String> t : tags) {
            for (int k = 0; k < tagOrder.size(); k++) {
                counts[k] += t.contains(tagOrder.get(k)) ? 1 : 0;
            }
        }
        return counts;
    }

    public Map<String, Double> metrics(float[][] probabilities, int positiveClass) {
        return metrics(probabilities, positiveClass, null);
    }

    /**
     * {@code <name>_accuracy}, {@code _precision}, {@code _recall}, {@code _f1}, {@code _auc},
     * {@code _false_positive_rate} (with a positive class), {@code _examples}, then
     * {@code <name>_<tag>_accuracy}, of the answers {@code decision} gives. Figures a set cannot
     * measure are left out (all but accuracy and the false-positive rate for a set without positives, such as modern ham).
     */
    public Map<String, Double> metrics(float[][] probabilities, int positiveClass, DecisionThreshold decision) {
        ClassificationScores s = scores(probabilities, positiveClass, decision);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(name + "_accuracy", s.accuracy());
        m.put(name + "_precision", s.precision());
        m.put(name + "_recall", s.recall());
        m.put(name + "_f1", s.f1());
        m.put(name + "_auc", s.auc());
        m.put(name + "_false_positive_rate", s.falsePositiveRate());
        if (positiveClass >= 0 && texts.classCounts()[positiveClass] == 0) { // precision is 0 at the first false positive, recall undefined
            m.keySet().retainAll(java.util.Set.of(name + "_accuracy", name + "_false_positive_rate"));
        }
        m.values().removeIf(v -> Double.isNaN(v));
        m.put(name + "_examples", (double) texts.size());
        double[] byTag = tagAccuracy(probabilities, decision);
        for (int k = 0; k < byTag.length; k++) {
            if (!Double.isNaN(byTag[k])) {
                m.put(name + "_" + tagOrder.get(k) + "_accuracy", byTag[k]);
            }
        }
        return m;
    }
}
