package dev.dlforge.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {
    private static final List<String> PROJECTS = List.of("digits", "fashion", "spam", "sentiment", "pos", "poetry", "gpt", "rag");

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(ClosestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestName.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestName.distance("digits", "digits")).isZero();
        assertThat(ClosestName.distance("digtis", "digits")).isEqualTo(1);
    }

    @Test
    void aCloseTypoSuggestsTheNameAndAFarOneNothing() {
        assertThat(ClosestName.among("digitz", PROJECTS)).contains("digits");
        assertThat(ClosestName.among("Fashon", PROJECTS)).contains("fashion");
        assertThat(ClosestName.among("gtp", PROJECTS)).contains("gpt");
        assertThat(ClosestName.among("nope", PROJECTS)).isEmpty();
        assertThat(ClosestName.among("", PROJECTS)).isEmpty();
        assertThat(ClosestName.didYouMean("spma", PROJECTS)).isEqualTo(": did you mean 'spam'?");
        assertThat(ClosestName.didYouMean("imagenet", PROJECTS)).isEmpty();
    }
}
