package dev.dlforge.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LrScheduleTest {
    @Test
    void cosineWarmsUpLinearlyThenDecaysToTheFloor() {
        LrSchedule s = new LrSchedule.Cosine(0.1, 0.1);
        assertThat(s.factor(0, 100)).isCloseTo(0.1, within(1e-12));
        assertThat(s.factor(9, 100)).isCloseTo(1.0, within(1e-12));
        assertThat(s.factor(10, 100)).isCloseTo(1.0, within(1e-12));
        assertThat(s.factor(55, 100)).as("half-way through the decay").isCloseTo(0.55, within(1e-12));
        assertThat(s.factor(100, 100)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void stepDecayMultipliesByGammaEachInterval() {
        LrSchedule s = new LrSchedule.StepDecay(0.5, 0.1);
        assertThat(s.factor(49, 100)).isEqualTo(1.0);
        assertThat(s.factor(50, 100)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void namesParseAndUnknownNamesSayWhatIsValid() {
        assertThat(LrSchedule.parse("COSINE")).isInstanceOf(LrSchedule.Cosine.class);
        assertThat(LrSchedule.parse("constant").rate(0.3, 5, 10)).isEqualTo(0.3);
        assertThatThrownBy(() -> LrSchedule.parse("warp")).hasMessageContaining("choose constant, cosine or step");
    }
}
