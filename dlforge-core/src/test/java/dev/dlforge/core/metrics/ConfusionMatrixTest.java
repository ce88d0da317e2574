package dev.dlforge.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    // truth:     0 0 0 1 1 2
    // predicted: 0 0 1 1 2 2
    private final ConfusionMatrix m = ConfusionMatrix.of(3, new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 2});

    @Test
    void scoresFollowTheirDefinitions() {
        assertThat(m.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(m.precision(1)).isCloseTo(1 / 2.0, within(1e-12)); // predicted 1 twice, once right
        assertThat(m.recall(0)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.f1(2)).isCloseTo(2 * 0.5 * 1.0 / 1.5, within(1e-12));
        assertThat(m.support(0)).isEqualTo(3);
    }

    @Test
    void topConfusionsAreOffDiagonalCellsByCount() {
        // 2 mistaken for 0 three times, 0 for 1 once, 1 for 2 once: the largest count comes first.
        ConfusionMatrix worse = ConfusionMatrix.of(3, new int[] {0, 1, 2, 2, 2, 2}, new int[] {1, 2, 0, 0, 0, 2});
        assertThat(worse.topConfusions(10)).extracting(ConfusionMatrix.Confusion::truth, ConfusionMatrix.Confusion::predicted)
                .first().isEqualTo(tuple(2, 0));
        assertThat(worse.topConfusions(10)).hasSize(3);
        assertThat(m.topConfusions(10)).extracting(ConfusionMatrix.Confusion::truth, ConfusionMatrix.Confusion::predicted)
                .containsExactlyInAnyOrder(tuple(0, 1), tuple(1, 2));
    }

    @Test
    void emptyMatrixHasNoAccuracy() {
        assertThat(new ConfusionMatrix(2).accuracy()).isNaN();
        assertThat(new ConfusionMatrix(2).precision(0)).isNaN();
    }
}
