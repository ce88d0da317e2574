package dev.dlforge.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassificationScoresTest {
    // Four ham (0), two spam (1); p(spam) 0.1, 0.2, 0.6, 0.8 for ham, 0.7, 0.9 for spam.
    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1};
    private static final float[][] P = {{0.9f, 0.1f}, {0.8f, 0.2f}, {0.4f, 0.6f}, {0.2f, 0.8f}, {0.3f, 0.7f}, {0.1f, 0.9f}};

    @Test
    void givenDecisionsAreCountedWhileTheCurvesStillRankTheProbabilities() {
        ClassificationScores argmax = ClassificationScores.of(TRUTH, P, 2, 1);
        assertThat(argmax.falsePositiveRate()).isEqualTo(2 / 4.0);
        assertThat(argmax.recall()).isEqualTo(1.0);

        int[] atThreshold085 = {0, 0, 0, 0, 0, 1}; // spam only when p(spam) >= 0.85
        ClassificationScores strict = ClassificationScores.of(TRUTH, atThreshold085, P, 2, 1);
        assertThat(strict.falsePositiveRate()).isZero();
        assertThat(strict.recall()).isEqualTo(0.5);
        assertThat(strict.precision()).isEqualTo(1.0);
        assertThat(strict.auc()).isEqualTo(argmax.auc());
    }

    @Test
    void withoutNegativesOrAPositiveClassThereIsNoFalsePositiveRate() {
        assertThat(ClassificationScores.of(new int[] {1, 1}, new float[][] {{0.2f, 0.8f}, {0.6f, 0.4f}}, 2, 1).falsePositiveRate()).isNaN();
        assertThat(ClassificationScores.of(TRUTH, P, 2, -1).falsePositiveRate()).isNaN();
    }
}
