package dev.dlforge.projects.text;

import dev.dlforge.core.eval.ClassificationScores;
import dev.dlforge.core.train.EpochRecord;
import java.util.List;
import java.util.Map;

/**
 * One trained model of a run, measured on the held-out test texts.
 *
 * @param model which model
 * @param test scores on the test split, of the answers given by {@code decision}
 * @param testProbabilities (N, K) per test text, for the report's mistakes
 * @param validationF1 F1 on the validation split (the most probable class as the answer)
 * @param decision its threshold, chosen on validation; null when it answers with the most probable class
 * @param metrics what metrics.json records of it
 * @param history epochs of a neural model; empty otherwise
 * @param extraProbabilities (N, K) per text of each {@link ExtraTestSet}, by its name
 */
public record ModelResult(TextModel model, ClassificationScores test, float[][] testProbabilities, double validationF1, DecisionThreshold decision,
        Map<String, Double> metrics, List<EpochRecord> history, Map<String, float[][]> extraProbabilities) {}
