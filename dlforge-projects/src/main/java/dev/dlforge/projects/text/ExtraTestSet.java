package dev.dlforge.projects.text;

import dev.dlforge.core.eval.ClassificationScores;
import dev.dlforge.core.eval.ClassifierEvaluation;
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
        return ClassificationScores.of(texts.labels(), probabilities, texts.classes().size(), positiveClass);
    }

    /** Accuracy on the texts carrying each tag (NaN for a tag no text carries), in {@link #tagOrder}. */
    public double[] tagAccuracy(float[][] probabilities) {
        double[] accuracy = new double[tagOrder.size()];
        for (int k = 0; k < tagOrder.size(); k++) {
            int n = 0;
            int right = 0;
            for (int i = 0; i < texts.size(); i++) {
                if (tags.get(i).contains(tagOrder.get(k))) {
                    n++;
                    right += ClassifierEvaluation.argMax(probabilities[i]) == texts.labels()[i] ? 1 : 0;
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

    /** {@code <name>_accuracy}, {@code _precision}, {@code _recall}, {@code _f1}, {@code _auc}, then {@code <name>_<tag>_accuracy}. */
    public Map<String, Double> metrics(float[][] probabilities, int positiveClass) {
        ClassificationScores s = scores(probabilities, positiveClass);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(name + "_accuracy", s.accuracy());
        m.put(name + "_precision", s.precision());
        m.put(name + "_recall", s.recall());
        m.put(name + "_f1", s.f1());
        m.put(name + "_auc", s.auc());
        double[] byTag = tagAccuracy(probabilities);
        for (int k = 0; k < byTag.length; k++) {
            if (!Double.isNaN(byTag[k])) {
                m.put(name + "_" + tagOrder.get(k) + "_accuracy", byTag[k]);
            }
        }
        return m;
    }
}
