package dev.dlforge.projects.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The served model, chosen on constructed validation figures. */
class ModelSelectionTest {

    /** A model with validation recall {@code recall} at its threshold over 180 spam, and validation F1 {@code f1}. */
    private static ModelResult result(TextModel model, double recall, double f1) {
        DecisionThreshold d = new DecisionThreshold("spam", 0.9, 0.005, 0.004, recall, 415, 180, true);
        return new ModelResult(model, null, new float[0][], f1, d, Map.of(), List.of(), Map.of());
    }

    @Test
    void theSimplerModelIsServedWhenTheComplexOneIsBetterOnlyWithinNoise() {
        // se = sqrt(0.91 * 0.09 / 180) = 0.0213: 0.90 and 0.895 are within it.
        ModelResult nb = result(new NaiveBayesModel(), 0.900, 0.96);
        ModelResult tfidf = result(new TfidfLogisticModel(), 0.895, 0.97);
        ModelResult embedding = result(new EmbeddingBagModel(), 0.910, 0.9703);
        ModelSelection.Choice choice = ModelSelection.choose(List.of(nb, tfidf, embedding), ServedModelRule.RECALL_AT_FALSE_POSITIVE_RATE_PER_GROUP);
        assertThat(choice.served()).isSameAs(nb); // the simplest tier, then the higher recall
        assertThat(choice.reason()).contains("embedding-bag has the highest validation recall").contains("naive-bayes (0.9000) is within one standard error")
                .contains("0.0213");
    }

    @Test
    void theComplexModelIsServedWhenItIsBetterByMoreThanOneStandardError() {
        // se = sqrt(0.95 * 0.05 / 180) = 0.0162: 0.90 is 0.05 behind.
        ModelResult tfidf = result(new TfidfLogisticModel(), 0.90, 0.99);
        ModelResult embedding = result(new EmbeddingBagModel(), 0.95, 0.97);
        ModelSelection.Choice choice = ModelSelection.choose(List.of(tfidf, embedding), ServedModelRule.RECALL_AT_FALSE_POSITIVE_RATE);
        assertThat(choice.served()).isSameAs(embedding);
        assertThat(choice.reason()).contains("no simpler model is within one standard error");
    }

    @Test
    void theStandardErrorIsBinomialAndAtLeastOneText() {
        assertThat(ModelSelection.standardError(0.9, 100)).isCloseTo(0.03, within(1e-12));
        assertThat(ModelSelection.standardError(1.0, 200)).isEqualTo(1 / 200.0);
    }

    @Test
    void byValidationF1TheBestIsServedHoweverSmallTheDifference() {
        // Sentiment and topics keep this rule: a 0.0003 F1 lead is enough there.
        ModelResult tfidf = result(new TfidfLogisticModel(), 0.9, 0.9721);
        ModelResult embedding = result(new EmbeddingBagModel(), 0.9, 0.9724);
        assertThat(ModelSelection.choose(List.of(tfidf, embedding), ServedModelRule.VALIDATION_F1).served()).isSameAs(embedding);
    }

    @Test
    void withoutValidationTextsTheFirstModelIsServed() {
        ModelResult a = new ModelResult(new NaiveBayesModel(), null, new float[0][], Double.NaN, null, Map.of(), List.of(), Map.of());
        ModelResult b = new ModelResult(new EmbeddingBagModel(), null, new float[0][], Double.NaN, null, Map.of(), List.of(), Map.of());
        assertThat(ModelSelection.choose(List.of(a, b), ServedModelRule.RECALL_AT_FALSE_POSITIVE_RATE).served()).isSameAs(a);
        assertThat(ModelSelection.choose(List.of(a, b), ServedModelRule.VALIDATION_F1).served()).isSameAs(a);
    }
}
