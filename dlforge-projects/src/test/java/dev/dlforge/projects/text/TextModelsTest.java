package dev.dlforge.projects.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.eval.ClassificationScores;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TextSplit;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.kit.Recipes;
import dev.dlforge.projects.kit.RunSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import dev.dlforge.core.testing.EndToEnd;

/**
 * Each model learns a tiny synthetic problem: texts of random filler words, those of class
 * "offer" also carrying some of a few signal words; the test texts are new draws.
 */
@EndToEnd
class TextModelsTest {
    private static final List<String> FILLER = List.of("the", "meeting", "report", "is", "on", "friday", "please", "see", "attached",
            "notes", "build", "server", "update", "thanks", "team", "lunch", "review", "draft");
    private static final List<String> SIGNAL = List.of("free", "winner", "prize", "cash");

    @TempDir
    Path tmp;

    static Stream<TextModel> models() {
        return Stream.of(new NaiveBayesModel(), new TfidfLogisticModel(), new EmbeddingBagModel());
    }

    static LabeledTexts synthetic(int n, long seed) {
        Random rng = new Random(seed);
        List<String> texts = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            StringBuilder s = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                boolean signal = labels[i] == 1 && rng.nextDouble() < 0.3;
                s.append(signal ? SIGNAL.get(rng.nextInt(SIGNAL.size())) : FILLER.get(rng.nextInt(FILLER.size()))).append(' ');
            }
            texts.add(s.toString());
        }
        List<String> groups = texts.stream().map(t -> "all").toList();
        return new LabeledTexts(List.of("normal", "offer"), texts, labels, groups, texts);
    }

    static TextClassifierRecipe recipe() {
        return new TextClassifierRecipe(TextClassifierRecipe.ALL, 7, new TextClassifierRecipe.Data("synthetic", 0.15, 0.15, 0),
                new TextClassifierRecipe.Features(1000, 1), TextClassifierRecipe.NaiveBayes.defaults(), new TextClassifierRecipe.Logistic(30, 0.05, 1e-4),
                new TextClassifierRecipe.Network(16, 16, 0f, 50), new TextClassifierRecipe.Train(30, 16, 1e-2, 0), TextClassifierRecipe.Serving.defaults());
    }

    /** A session of {@code run} that prints nowhere. */
    static RunSession quietSession(RunDir run) {
        return new RunSession(run, TrainOptions.defaults(new PrintStream(new ByteArrayOutputStream())));
    }

    @ParameterizedTest
    @MethodSource("models")
    void learnsATinySyntheticProblemAndReloadsToIdenticalProbabilities(TextModel model) throws Exception {
        TextClassifierRecipe recipe = recipe();
        TextSplit split = TextSplit.byGroup(synthetic(300, 1), 0.15, 0.15, 7);
        RunDir run = new RunDir(tmp.resolve("run"));
        Files.createDirectories(run.model());
        run.writeInfo(new RunInfo("run", "test", "running", "", "", RecipeJson.write(recipe), Map.of(), ""));
        ModelCard card = new ModelCard("test", model.name(), RecipeJson.write(recipe), List.of(50L), List.of("normal", "offer"),
                Map.of(), "synthetic", "", ModelArtifact.FORMAT);
        LabeledTexts fresh = synthetic(200, 99);
        try (TextClassifier trained = model.train(new TextTraining(split, recipe, quietSession(run), card, null))) {
            float[][] p = trained.probabilities(fresh.texts());
            ClassificationScores s = ClassificationScores.of(fresh.labels(), p, 2, 1);
            assertThat(s.accuracy()).as(model.name() + " accuracy").isGreaterThan(0.85);
            assertThat(s.auc()).as(model.name() + " AUC").isGreaterThan(0.9);
            for (float[] row : p) {
                assertThat(row[0] + row[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
            }
            Path dir = tmp.resolve("saved");
            Files.createDirectories(dir);
            trained.save(dir);
            Json.writeFile(dir.resolve("model.json"), card);
            try (TextClassifier loaded = model.load(dir, ModelArtifact.readCard(dir))) {
                assertThat(loaded.probabilities(fresh.texts())).isDeepEqualTo(p);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void emptyAndOddTextsGetValidProbabilities(TextModel model) throws Exception {
        TextClassifierRecipe recipe = recipe();
        TextSplit split = TextSplit.byGroup(synthetic(100, 2), 0.15, 0.15, 7);
        RunDir run = new RunDir(tmp.resolve("run2"));
        Files.createDirectories(run.model());
        run.writeInfo(new RunInfo("run2", "test", "running", "", "", RecipeJson.write(recipe), Map.of(), ""));
        ModelCard card = new ModelCard("test", model.name(), RecipeJson.write(recipe), List.of(50L), List.of("normal", "offer"),
                Map.of(), "synthetic", "", ModelArtifact.FORMAT);
        try (TextClassifier trained = model.train(new TextTraining(split, Recipes.with(recipe, "train.epochs", 2), quietSession(run), card, null))) {
            for (float[] row : trained.probabilities(List.of("", "    ", "\u0000\uFFFD", "неизвестные слова 漢字"))) {
                assertThat(row).hasSize(2);
                assertThat(row[0] + row[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
                assertThat(Float.isNaN(row[0])).isFalse();
            }
        }
    }
}
