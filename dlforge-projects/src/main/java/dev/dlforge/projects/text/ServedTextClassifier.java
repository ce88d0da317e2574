package dev.dlforge.projects.text;

import dev.dlforge.projects.serving.output.Classes.Score;
import java.util.ArrayList;
import java.util.List;

/**
 * A model folder's classifier as it answers: its probabilities, and its {@link DecisionThreshold}
 * when it has one ({@value DecisionThreshold#FILE}), else the most probable class. Owns the
 * classifier: close it when done.
 *
 * @param decision null for a model answering with its most probable class
 */
record ServedTextClassifier(TextClassifier classifier, DecisionThreshold decision) implements AutoCloseable {

    List<String> classes() {
        return classifier.classes();
    }

    /** (N, K) probabilities for {@code texts}. */
    float[][] probabilities(List<String> texts) {
        return classifier.probabilities(texts);
    }

    /** The class index it answers for one row of probabilities. */
    int answer(float[] p) {
        return DecisionThreshold.decide(decision, new float[][] {p}, classes())[0];
    }

    /** The {@code topK} most probable classes, most probable first. */
    List<Score> top(float[] p, int topK) {
        List<Score> scores = new ArrayList<>();
        for (int c = 0; c < p.length; c++) {
            scores.add(new Score(classes().get(c), p[c]));
        }
        scores.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        return List.copyOf(scores.subList(0, Math.min(topK, scores.size())));
    }

    @Override
    public void close() {
        classifier.close();
    }
}
