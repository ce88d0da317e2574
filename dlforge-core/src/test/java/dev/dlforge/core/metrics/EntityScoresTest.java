package dev.dlforge.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityScoresTest {

    @Test
    void spansFollowConllevalForIob1AndIob2() {
        assertThat(EntitySpans.of(List.of("B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG")))
                .containsExactly(new EntitySpans.Span("PER", 0, 2), new EntitySpans.Span("LOC", 3, 5),
                        new EntitySpans.Span("LOC", 5, 6), new EntitySpans.Span("ORG", 6, 7));
        assertThat(EntitySpans.toIob2(List.of("I-PER", "I-PER", "B-PER", "O", "I-LOC")))
                .containsExactly("B-PER", "I-PER", "B-PER", "O", "B-LOC");
    }

    @Test
    void onlyExactSpansOfTheRightTypeCount() {
        EntityScores s = new EntityScores();
        // true: PER[0,2) LOC[3,4) ORG[5,6); predicted: PER[0,1) (wrong boundary), LOC[3,4) (right), MISC[5,6) (wrong type)
        s.add(List.of("B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"),
                List.of("B-PER", "O", "O", "B-LOC", "O", "B-MISC"));
        assertThat(s.precision()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(s.recall()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(s.f1("LOC")).isEqualTo(1.0);
        assertThat(s.f1("PER")).isZero();
        assertThat(s.support("ORG")).isEqualTo(1);
        assertThat(s.precision("MISC")).isZero();
        assertThat(s.types()).containsExactly("LOC", "MISC", "ORG", "PER");
        s.add(List.of("B-ORG", "I-ORG"), List.of("B-ORG", "I-ORG"));
        assertThat(s.recall()).isCloseTo(2 / 4.0, within(1e-12));
        assertThat(s.precision()).isCloseTo(2 / 4.0, within(1e-12));
    }
}
