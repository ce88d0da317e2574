package dev.dlforge.projects.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The threshold for a stated false-positive rate, on constructed validation scores. */
class DecisionThresholdTest {
    private static final List<String> CLASSES = List.of("ham", "spam");

    /** Negatives then positives: {@code isPositive} and {@code scores} for them. */
    private record Validation(boolean[] isPositive, double[] scores, List<String> groups) {
        static Validation of(List<Double> negatives, List<String> negativeGroups, List<Double> positives) {
            int n = negatives.size() + positives.size();
            boolean[] p = new boolean[n];
            double[] s = new double[n];
            List<String> g = new ArrayList<>(negativeGroups);
            for (int i = 0; i < negatives.size(); i++) {
                s[i] = negatives.get(i);
            }
            for (int i = 0; i < positives.size(); i++) {
                p[negatives.size() + i] = true;
                s[negatives.size() + i] = positives.get(i);
                g.add("spam");
            }
            return new Validation(p, s, g);
        }
    }

    private static <T> List<T> repeat(T value, int times) {
        return new ArrayList<>(Collections.nCopies(times, value));
    }

    @Test
    void theLowestThresholdWhoseFalsePositiveRateIsWithinTheLimitIsChosen() {
        // 400 ham: 397 at 0.1 and three that look like spam; 0.5% of 400 allows 2 of them to be called spam.
        List<Double> ham = repeat(0.1, 397);
        ham.addAll(List.of(0.90, 0.95, 0.97));
        Validation v = Validation.of(ham, repeat("easy", 400), List.of(0.99, 0.96, 0.93, 0.92, 0.80, 0.70));
        DecisionThreshold d = DecisionThreshold.atFalsePositiveRate("spam", v.isPositive(), v.scores(), 0.005);
        assertThat(d.threshold()).isEqualTo(0.92); // at 0.90 a third ham would be spam
        assertThat(d.validationFalsePositiveRate()).isEqualTo(2 / 400.0);
        assertThat(d.validationRecall()).isEqualTo(4 / 6.0);
        assertThat(d.validationNegatives()).isEqualTo(400);
        assertThat(d.validationPositives()).isEqualTo(6);
        assertThat(d.perGroup()).isFalse();
        // A stricter rate moves it up: no ham at all may be called spam.
        assertThat(DecisionThreshold.atFalsePositiveRate("spam", v.isPositive(), v.scores(), 0.001).threshold()).isEqualTo(0.99);
    }

    @Test
    void neverBelowOneHalfAndAboveOneWhenEvenTheTopScoreBreaksTheRate() {
        Validation easy = Validation.of(repeat(0.1, 100), repeat("easy", 100), List.of(0.3, 0.4));
        DecisionThreshold floor = DecisionThreshold.atFalsePositiveRate("spam", easy.isPositive(), easy.scores(), 0.005);
        assertThat(floor.threshold()).isEqualTo(0.5);
        assertThat(floor.validationRecall()).isZero();

        List<Double> ham = repeat(0.1, 97);
        ham.addAll(repeat(1.0, 3)); // a saturated model: three ham at p = 1, tied with every spam
        Validation saturated = Validation.of(ham, repeat("easy", 100), repeat(1.0, 10));
        DecisionThreshold never = DecisionThreshold.atFalsePositiveRate("spam", saturated.isPositive(), saturated.scores(), 0.005);
        assertThat(never.threshold()).isGreaterThan(1.0);
        assertThat(never.validationFalsePositiveRate()).isZero();
        assertThat(never.decide(new float[] {0f, 1f}, CLASSES)).isZero();
        assertThat(never.rule()).contains("spam never");
    }

    @Test
    void perGroupTheRateHoldsInEverySmallGroupOfNegativesToo() {
        // 390 easy ham, all low; 10 hard ham, one of which scores 0.90. Pooled, 1 of 400 is within 0.5%;
        // within the hard group 1 of 10 is 10%, so the threshold must rise above it.
        List<Double> ham = repeat(0.1, 390);
        List<String> groups = repeat("easy", 390);
        ham.addAll(repeat(0.2, 9));
        ham.add(0.90);
        groups.addAll(repeat("hard", 10));
        Validation v = Validation.of(ham, groups, List.of(0.99, 0.95, 0.91, 0.85, 0.80));
        DecisionThreshold pooled = DecisionThreshold.atFalsePositiveRate("spam", v.isPositive(), v.scores(), 0.005);
        assertThat(pooled.threshold()).isEqualTo(0.80);
        DecisionThreshold perGroup = DecisionThreshold.atFalsePositiveRatePerGroup("spam", v.isPositive(), v.scores(), v.groups(), 0.005);
        assertThat(perGroup.threshold()).isEqualTo(0.91);
        assertThat(perGroup.validationRecall()).isEqualTo(3 / 5.0);
        assertThat(perGroup.validationFalsePositiveRate()).isZero();
        assertThat(perGroup.perGroup()).isTrue();
        assertThat(perGroup.rule()).contains("in every group of validation negatives");
    }

    @Test
    void theAnswerIsSpamOnlyAtOrAboveTheThresholdAndTheDecisionSurvivesASaveAndRead(@TempDir Path dir) throws Exception {
        DecisionThreshold d = new DecisionThreshold("spam", 0.95, 0.005, 0.0025, 0.9, 400, 180, true);
        assertThat(d.decide(new float[] {0.07f, 0.93f}, CLASSES)).as("probable spam, below the threshold").isZero();
        assertThat(d.decide(new float[] {0.04f, 0.96f}, CLASSES)).isEqualTo(1);
        assertThat(DecisionThreshold.decide(null, new float[][] {{0.07f, 0.93f}}, CLASSES)).containsExactly(1);
        assertThat(d.rule()).isEqualTo("spam when p(spam) >= 0.9500 (chosen for a false-positive rate <= 0.5% in every group of validation negatives)");

        assertThat(DecisionThreshold.read(dir)).isEmpty();
        d.save(dir);
        DecisionThreshold back = DecisionThreshold.read(dir).orElseThrow();
        assertThat(back).isEqualTo(d);
        assertThat(back.threshold()).isCloseTo(0.95, within(0.0));
    }
}
