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
        assertThatThrownBy(() -> LrSchedule.parse("warp")).hasMessageContaining("choose constant, cosine, cosine:W:M or step");
    }

    @Test
    void cosineWithWarmupAndFloorParsesFromItsName() {
        LrSchedule s = LrSchedule.parse("cosine:0.05:0.1");
        assertThat(s).isEqualTo(new LrSchedule.Cosine(0.05, 0.1));
        assertThat(s.factor(1999, 2000)).isCloseTo(0.1, within(1e-5));
        assertThat(s.factor(99, 2000)).isEqualTo(1.0);
        assertThatThrownBy(() -> LrSchedule.parse("cosine:2:0.1")).hasMessageContaining("warm-up fraction");
        assertThatThrownBy(() -> LrSchedule.parse("cosine:x:0.1")).hasMessageContaining("e.g. cosine:0.05:0.1");
    }
}
