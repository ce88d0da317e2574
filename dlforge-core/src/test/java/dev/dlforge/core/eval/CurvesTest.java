package dev.dlforge.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CurvesTest {
    // Scores 0.9 P, 0.8 N, 0.7 P, 0.6 P, 0.5 N, 0.4 N, 0.3 P, 0.2 N (4 positives, 4 negatives).
    private static final boolean[] POSITIVE = {true, false, true, true, false, false, true, false};
    private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};

    @Test
    void rocPointsAndAucMatchAHandComputation() {
        RocCurve roc = RocCurve.of(POSITIVE, SCORES);
        assertThat(roc.truePositiveRate()).containsExactly(0, 0.25, 0.25, 0.5, 0.75, 0.75, 0.75, 1, 1);
        assertThat(roc.falsePositiveRate()).containsExactly(0, 0, 0.25, 0.25, 0.25, 0.5, 0.75, 0.75, 1);
        // Pairs (positive above negative): 0.9 beats 4, 0.7 beats 3, 0.6 beats 3, 0.3 beats 1 = 11 of 16.
        assertThat(roc.auc()).isCloseTo(11 / 16.0, within(1e-12));
    }

    @Test
    void tiedScoresCountOneHalf() {
        RocCurve roc = RocCurve.of(new boolean[] {true, false}, new double[] {0.5, 0.5});
        assertThat(roc.auc()).isCloseTo(0.5, within(1e-12));
        assertThat(roc.falsePositiveRate()).containsExactly(0, 1);
    }

    @Test
    void precisionRecallAndAveragePrecisionMatchAHandComputation() {
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(POSITIVE, SCORES);
        assertThat(pr.recall()).containsExactly(0, 0.25, 0.25, 0.5, 0.75, 0.75, 0.75, 1, 1);
        assertThat(pr.precision()[3]).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(pr.precision()[7]).isCloseTo(4 / 7.0, within(1e-12));
        // AP = 0.25*1 + 0.25*(2/3) + 0.25*(3/4) + 0.25*(4/7)
        assertThat(pr.averagePrecision()).isCloseTo(0.25 * (1 + 2 / 3.0 + 0.75 + 4 / 7.0), within(1e-12));
    }

    @Test
    void aPerfectRankingHasAreaOne() {
        boolean[] p = {true, true, false};
        double[] s = {0.9, 0.8, 0.1};
        assertThat(RocCurve.of(p, s).auc()).isEqualTo(1.0);
        assertThat(PrecisionRecallCurve.of(p, s).averagePrecision()).isEqualTo(1.0);
        assertThat(RocCurve.of(new boolean[] {true}, new double[] {1}).auc()).isNaN();
    }
}
