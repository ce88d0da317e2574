package dev.dlforge.projects.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TextSplit;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.kit.RunSession;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.text.DecisionThreshold;
import dev.dlforge.projects.text.NaiveBayesModel;
import dev.dlforge.projects.text.TextClassifier;
import dev.dlforge.projects.text.TextClassifierRecipe;
import dev.dlforge.projects.text.TextPredictor;
import dev.dlforge.projects.text.TextTraining;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/** The spam predictor on a naive Bayes model trained on a few made-up mails. */
@EndToEnd
class SpamPredictorTest {
    @TempDir
    Path tmp;

    private Path model() throws Exception {
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("subject-meeting notes for the build server review number " + i);
            labels.add(0);
            texts.add("subject-winner claim your free cash prize now offer " + i);
            labels.add(1);
        }
        LabeledTexts data = new LabeledTexts(List.of("ham", "spam"), texts, labels.stream().mapToInt(Integer::intValue).toArray(),
                texts.stream().map(t -> "g").toList(), texts);
        TextClassifierRecipe recipe = new SpamProject().defaultsForTest();
        ModelCard card = new ModelCard(SpamProject.ID, NaiveBayesModel.NAME, RecipeJson.write(recipe), List.of(400L),
                List.of("ham", "spam"), Map.of(), "spam-assassin", "", ModelArtifact.FORMAT);
        Path dir = tmp.resolve("model");
        Files.createDirectories(dir);
        try (TextClassifier c = new NaiveBayesModel().train(new TextTraining(TextSplit.byGroup(data, 0.1, 0.1, 1), recipe,
                new RunSession(null, TrainOptions.defaults(new PrintStream(new ByteArrayOutputStream()))), card, null))) {
            c.save(dir);
        }
        Json.writeFile(dir.resolve("model.json"), card);
        return dir;
    }

    @Test
    void acceptsPlainTextJsonAndRawMailAndAnswersWithProbabilities() throws Exception {
        try (TextPredictor p = new SpamProject().predictor(model())) {
            assertThat(p.accepts()).contains("text/plain", "application/json", "message/rfc822");
            byte[] mail = ("Subject: winner\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + java.util.Base64.getEncoder().encodeToString("claim your free cash prize".getBytes(StandardCharsets.UTF_8)) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            var answers = p.predict(List.of(
                    p.decode(new Payload("text/plain", "meeting notes for the build".getBytes(StandardCharsets.UTF_8), Map.of())),
                    p.decode(new Payload("application/json", "{\"text\": \"free cash prize\"}".getBytes(StandardCharsets.UTF_8), Map.of("top", "1"))),
                    p.decode(new Payload("message/rfc822", mail, Map.of()))));
            assertThat(answers.get(0).label()).isEqualTo("ham");
            assertThat(answers.get(0).top()).hasSize(2);
            assertThat(answers.get(1).label()).isEqualTo("spam");
            assertThat(answers.get(1).top()).hasSize(1);
            assertThat(answers.get(2).label()).isEqualTo("spam");
            assertThat(answers.get(2).probability()).isBetween(0.5, 1.0);
        }
    }

    @Test
    void badRequestsAreRejectedWithTheirStatus() throws Exception {
        try (TextPredictor p = new SpamProject().predictor(model())) {
            assertThatThrownBy(() -> p.decode(new Payload("application/json", "{\"txt\": 1}".getBytes(StandardCharsets.UTF_8), Map.of())))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> p.decode(new Payload("application/json", "{oops".getBytes(StandardCharsets.UTF_8), Map.of())))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> p.decode(new Payload("image/png", new byte[3], Map.of())))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.status()).isEqualTo(415));
            // Random bytes as a mail: some answer, no exception.
            byte[] junk = new byte[5000];
            new java.util.Random(3).nextBytes(junk);
            assertThat(p.predict(List.of(p.decode(new Payload("message/rfc822", junk, Map.of()))))).hasSize(1);
        }
    }

    @Test
    void aModelWithAThresholdAnswersSpamOnlyAtOrAboveItAndSaysSo() throws Exception {
        Path dir = model();
        Payload mixed = new Payload("text/plain", "claim free cash prize offer, notes build server".getBytes(StandardCharsets.UTF_8), Map.of());
        double pSpam;
        try (TextPredictor p = new SpamProject().predictor(dir)) {
            var argmax = p.predict(List.of(p.decode(mixed))).get(0);
            assertThat(argmax.threshold()).isNull();
            pSpam = argmax.top().stream().filter(s -> s.label().equals("spam")).findFirst().orElseThrow().probability();
        }
        assertThat(pSpam).as("a mail the model finds more likely spam than not").isStrictlyBetween(0.5, 1.0);
        // Losing real mail costs more: the stored threshold is above this mail's p(spam), so it is ham.
        new DecisionThreshold("spam", (pSpam + 1) / 2, 0.005, 0.0, 0.9, 400, 180, true).save(dir);
        try (TextPredictor p = new SpamProject().predictor(dir)) {
            var answer = p.predict(List.of(p.decode(mixed))).get(0);
            assertThat(answer.label()).isEqualTo("ham");
            assertThat(answer.probability()).isCloseTo(1 - pSpam, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(answer.threshold()).isEqualTo((pSpam + 1) / 2);
            assertThat(answer.rule()).startsWith("spam when p(spam) >= ");
            assertThat(answer.top().get(0).label()).as("the probabilities are unchanged").isEqualTo("spam");
            var sure = p.predict(List.of(p.decode(new Payload("text/plain", "winner claim your free cash prize now offer".getBytes(StandardCharsets.UTF_8),
                    Map.of())))).get(0);
            assertThat(sure.label()).isEqualTo("spam");
        }
    }
}
