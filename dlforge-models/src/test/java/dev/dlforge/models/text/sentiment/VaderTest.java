package dev.dlforge.models.text.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** VADER's rules, one at a time, on a lexicon the test writes; expected values follow the rule's arithmetic. */
class VaderTest {
    private static final double GOOD = 1.9;
    private static final double BAD = -2.5;
    private final Vader vader = new Vader(VaderLexicon.of(Map.of("good", GOOD, "bad", BAD, "no", -1.2, ":D", 2.0)));

    private double compound(String text) {
        return vader.score(text).compound();
    }

    private static double norm(double sum) {
        return sum / Math.sqrt(sum * sum + 15);
    }

    @Test
    void compoundIsTheSumNormalisedWithAlpha15() {
        assertThat(compound("good")).isCloseTo(norm(GOOD), within(1e-4));
        assertThat(compound("good good good good good good")).isCloseTo(norm(6 * GOOD), within(1e-4));
        assertThat(compound("nothing here")).isZero();
        assertThat(vader.score("")).isEqualTo(VaderScores.EMPTY);
    }

    @Test
    void sharesCountNeutralTokensAsOneAndSentimentTokensAsValencePlusOne() {
        VaderScores s = vader.score("a good day");
        assertThat(s.pos()).isEqualTo(Vader.round((GOOD + 1) / (GOOD + 1 + 2), 3));
        assertThat(s.neu()).isEqualTo(Vader.round(2 / (GOOD + 1 + 2), 3));
        assertThat(s.neg()).isZero();
    }

    @Test
    void boostersAndDampenersShiftAwayFromOrTowardZeroFadingWithDistance() {
        assertThat(compound("very good")).isCloseTo(norm(GOOD + 0.293), within(1e-4));
        assertThat(compound("very bad")).isCloseTo(norm(BAD - 0.293), within(1e-4));
        assertThat(compound("slightly good")).isCloseTo(norm(GOOD - 0.293), within(1e-4));
        assertThat(compound("very much good")).isCloseTo(norm(GOOD + 0.293 * 0.95), within(1e-4));
        assertThat(compound("very much really good")).isCloseTo(norm(GOOD + 0.293 + 0.293 * 0.9), within(1e-4));
        assertThat(compound("very")).as("a booster alone scores nothing").isZero();
    }

    @Test
    void allCapsEmphasisesOnlyWhenTheTextMixesCase() {
        assertThat(compound("this is GOOD")).isCloseTo(norm(GOOD + 0.733), within(1e-4));
        assertThat(compound("THIS IS GOOD")).as("shouting throughout is no emphasis").isCloseTo(norm(GOOD), within(1e-4));
        assertThat(compound("this is VERY good")).isCloseTo(norm(GOOD + 0.293 + 0.733), within(1e-4));
    }

    @Test
    void negationWithinThreeWordsFlipsAndShrinks() {
        assertThat(compound("not good")).isCloseTo(norm(GOOD * -0.74), within(1e-4));
        assertThat(compound("isn't good")).isCloseTo(norm(GOOD * -0.74), within(1e-4));
        assertThat(compound("not at all good")).isCloseTo(norm(GOOD * -0.74), within(1e-4));
        assertThat(compound("not one of those good")).as("four words back is out of reach").isCloseTo(norm(GOOD), within(1e-4));
        assertThat(compound("no good")).isCloseTo(norm(GOOD * -0.74), within(1e-4));
    }

    @Test
    void neverSoAndWithoutDoubtAreNotNegations() {
        assertThat(compound("never so good")).isCloseTo(norm((GOOD + 0.293) * 1.25), within(1e-4));
        assertThat(compound("never been good")).isCloseTo(norm(GOOD * -0.74), within(1e-4));
        assertThat(compound("without doubt good")).isCloseTo(norm(GOOD), within(1e-4));
        assertThat(compound("without any good")).isCloseTo(norm(GOOD * -0.74), within(1e-4));
    }

    @Test
    void butHalvesWhatComesBeforeAndWeighsWhatFollows() {
        assertThat(compound("good but bad")).isCloseTo(norm(GOOD * 0.5 + BAD * 1.5), within(1e-4));
        assertThat(compound("bad but good")).isCloseTo(norm(BAD * 0.5 + GOOD * 1.5), within(1e-4));
    }

    @Test
    void leastNegatesExceptInAtLeastAndVeryLeast() {
        assertThat(compound("the least good")).isCloseTo(norm(GOOD * -0.74), within(1e-4));
        assertThat(compound("at least good")).isCloseTo(norm(GOOD), within(1e-4));
        assertThat(compound("the very least good")).as("not negated; 'very' still boosts from two back")
                .isCloseTo(norm(GOOD + 0.293 * 0.95), within(1e-4));
    }

    @Test
    void kindOfDampensAndTheKindScoresNothing() {
        assertThat(compound("it is kind of good")).isCloseTo(norm(GOOD - 0.293), within(1e-4));
        assertThat(vader.score("it is kind of good").neu()).isEqualTo(Vader.round(4 / (GOOD - 0.293 + 1 + 4), 3));
    }

    @Test
    void exclamationsAddUpToFourAndQuestionMarksFromTwo() {
        assertThat(compound("good!")).isCloseTo(norm(GOOD + 0.292), within(1e-4));
        assertThat(compound("good!!!!!!!")).isCloseTo(norm(GOOD + 4 * 0.292), within(1e-4));
        assertThat(compound("bad!")).isCloseTo(norm(BAD - 0.292), within(1e-4));
        assertThat(compound("good?")).isCloseTo(norm(GOOD), within(1e-4));
        assertThat(compound("good???")).isCloseTo(norm(GOOD + 3 * 0.18), within(1e-4));
        assertThat(compound("good?????")).isCloseTo(norm(GOOD + 0.96), within(1e-4));
    }

    @Test
    void punctuationIsStrippedFromWordsButEmoticonsStayWhole() {
        assertThat(compound("(good),")).isCloseTo(norm(GOOD), within(1e-4));
        assertThat(compound("so :D")).as(":D is looked up lower-cased and, as in VADER, not found").isZero();
        assertThat(VaderText.of("say :) now").tokens()).containsExactly("say", ":)", "now");
    }

    @Test
    void roundsHalfToEvenOnTheExactBinaryValueLikePython() {
        assertThat(Vader.round(2.675, 2)).isEqualTo(2.67); // 2.675 is 2.67499999... in binary
        assertThat(Vader.round(0.125, 2)).isEqualTo(0.12); // an exact tie goes to even
    }
}
