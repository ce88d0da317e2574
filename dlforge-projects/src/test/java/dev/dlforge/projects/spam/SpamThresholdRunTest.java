package dev.dlforge.projects.spam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.data.text.ModernHam;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.text.DecisionThreshold;
import dev.dlforge.projects.text.TextPredictor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/**
 * A small real spam run (TF-IDF logistic regression on 1,500 SpamAssassin mails, a few seconds): the
 * threshold is chosen on validation, stored with the served model, and used by predict, the
 * predictor and eval; the modern ham is measured separately.
 */
@EndToEnd
class SpamThresholdRunTest {
    @TempDir
    static Path tmp;
    private static RunDir run;
    private static final SpamProject SPAM = new SpamProject();

    @BeforeAll
    static void train() {
        TrainOptions d = TrainOptions.defaults(new PrintStream(new ByteArrayOutputStream()));
        run = SPAM.train(new TrainOptions("tfidf-logreg", null, null, null, null, null, 1500, 42L, tmp.resolve("run"), d.console(), d.stop(), null));
    }

    @Test
    void theServedModelCarriesItsThresholdChosenForTheFalsePositiveRate() throws Exception {
        DecisionThreshold d = DecisionThreshold.read(run.model()).orElseThrow();
        assertThat(d.positive()).isEqualTo("spam");
        assertThat(d.maxFalsePositiveRate()).isEqualTo(SpamProject.MAX_FALSE_POSITIVE_RATE);
        assertThat(d.perGroup()).isTrue();
        assertThat(d.threshold()).isBetween(0.5, 1.0);
        assertThat(d.validationFalsePositiveRate()).isLessThanOrEqualTo(0.005);
        assertThat(Files.readString(run.model().resolve(DecisionThreshold.FILE)))
                .isEqualTo(Files.readString(run.path().resolve("models/tfidf-logreg").resolve(DecisionThreshold.FILE)));

        Map<?, ?> metrics = Json.readFile(run.path().resolve("metrics.json"), Map.class);
        assertThat(((Number) metrics.get("decision_threshold")).doubleValue()).isEqualTo(d.threshold());
        assertThat(((Number) metrics.get("test_false_positive_rate")).doubleValue()).isBetween(0.0, 0.05);
        // Modern ham is its own figure, apart from the SpamAssassin test split: accuracy and false-positive rate only.
        assertThat(((Number) metrics.get("modern_ham_examples")).intValue()).isEqualTo(ModernHam.mails().size());
        assertThat(((Number) metrics.get("modern_ham_false_positive_rate")).doubleValue()).isBetween(0.0, 1.0);
        assertThat(metrics.containsKey("modern_ham_precision")).isFalse();
        assertThat(metrics.containsKey("tfidf-logreg_modern_ham_false_positive_rate")).isTrue();

        String report = Files.readString(run.report());
        assertThat(report).contains("It answers spam when p(spam) >= ").contains("| FPR | threshold |").contains("operating points")
                .contains("Models on modern ham written by the dlforge team").contains("| modern_ham FPR | called spam |");

        // eval answers at the same threshold as training measured.
        Map<String, Double> evaluated = SPAM.evaluate(run, TrainOptions.defaults(new PrintStream(new ByteArrayOutputStream())));
        assertThat(evaluated.get("test_f1")).isEqualTo(((Number) metrics.get("test_f1")).doubleValue());
        assertThat(evaluated.get("modern_ham_false_positive_rate")).isEqualTo(((Number) metrics.get("modern_ham_false_positive_rate")).doubleValue());
    }

    @Test
    void predictAndThePredictorAnswerAtTheThresholdAndSayIt() throws Exception {
        DecisionThreshold d = DecisionThreshold.read(run.model()).orElseThrow();
        try (TextPredictor predictor = SPAM.predictor(run.model())) {
            var answer = predictor.predict(List.of(predictor.decode(new Payload("text/plain",
                    "Please find attached the invoice for purchase order 4500012877.".getBytes(StandardCharsets.UTF_8), Map.of("top", "2"))))).get(0);
            assertThat(answer.threshold()).isEqualTo(d.threshold());
            assertThat(answer.rule()).isEqualTo(d.rule());
            double pSpam = answer.top().stream().filter(s -> s.label().equals("spam")).findFirst().orElseThrow().probability();
            assertThat(answer.label()).isEqualTo(pSpam >= d.threshold() ? "spam" : "ham");
        }
    }
}
