package dev.dlforge.projects.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.text.Vocabulary;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TextSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Naive Bayes on long texts whose words overlap between classes: unscaled, nearly every text gets p = 0 or 1 in float
 * (the saturation that left spam's naive Bayes with no usable threshold); temperature-scaled on validation, the
 * probabilities spread out while every decision stays the same.
 */
class NaiveBayesCalibrationTest {
    @TempDir
    Path tmp;

    /**
     * Texts of 60 draws from 100 words, class 1 drawing words 0-32 twice as often; every drawn word is written with seven
     * copies ("zqah zqaha ... zqahg": the tokenizer keeps letters only), perfectly correlated evidence that naive Bayes counts eight times.
     */
    private static LabeledTexts overlapping(int n, long seed) {
        Random rng = new Random(seed);
        List<String> texts = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            StringBuilder s = new StringBuilder();
            for (int d = 0; d < 60; d++) {
                int w = labels[i] == 1 && rng.nextInt(133) < 66 ? rng.nextInt(33) : labels[i] == 1 ? 33 + rng.nextInt(67) : rng.nextInt(100);
                for (String copy : List.of("", "a", "b", "c", "d", "e", "f", "g")) {
                    s.append("zq").append((char) ('a' + w / 26)).append((char) ('a' + w % 26)).append(copy).append(' ');
                }
            }
            texts.add(s.toString());
        }
        return new LabeledTexts(List.of("normal", "offer"), texts, labels, texts.stream().map(t -> "all").toList(), texts);
    }

    private static int saturated(float[][] p) {
        int n = 0;
        for (float[] row : p) {
            if (row[1] >= 1f - 1e-6f || row[1] <= 1e-6f) {
                n++;
            }
        }
        return n;
    }

    @Test
    void scaledProbabilitiesSpreadOutAndDecideAsTheRawOnes() throws Exception {
        TextClassifierRecipe recipe = TextModelsTest.recipe();
        TextSplit split = TextSplit.byGroup(overlapping(600, 1), 0.25, 0.15, 7);
        RunDir run = new RunDir(tmp.resolve("run"));
        Files.createDirectories(run.model());
        run.writeInfo(new RunInfo("run", "test", "running", "", "", RecipeJson.write(recipe), Map.of(), ""));
        ModelCard card = new ModelCard("test", NaiveBayesModel.NAME, RecipeJson.write(recipe), List.of(50L), List.of("normal", "offer"),
                Map.of(), "synthetic", "", ModelArtifact.FORMAT);
        LabeledTexts fresh = overlapping(300, 99);
        float[][] scaled;
        try (TextClassifier nb = new NaiveBayesModel().train(new TextTraining(split, recipe, TextModelsTest.quietSession(run), card, null))) {
            scaled = nb.probabilities(fresh.texts());
            Files.createDirectories(tmp.resolve("scaled"));
            nb.save(tmp.resolve("scaled"));
        }
        // the same model unscaled: the temperature of a split with no validation texts is 1
        TextSplit noValidation = new TextSplit(split.train(), split.train().select(new int[0]), split.test(), "");
        float[][] raw;
        try (TextClassifier nb = new NaiveBayesModel().train(new TextTraining(noValidation, recipe, TextModelsTest.quietSession(run), card, null))) {
            raw = nb.probabilities(fresh.texts());
        }
        assertThat(saturated(raw)).as("unscaled texts at p = 0 or 1").isGreaterThan(fresh.size() / 4);
        assertThat(saturated(scaled)).as("scaled texts at p = 0 or 1").isLessThan(fresh.size() / 20);
        for (int i = 0; i < fresh.size(); i++) {
            assertThat(scaled[i][1] > scaled[i][0]).as("decision of text %d", i).isEqualTo(raw[i][1] > raw[i][0]);
        }
        assertThat(Vocabulary.load(tmp.resolve("scaled").resolve(NaiveBayesModel.VOCABULARY)).size()).isPositive();
    }
}
