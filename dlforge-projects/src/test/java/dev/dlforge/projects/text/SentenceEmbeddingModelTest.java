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
import dev.dlforge.projects.kit.RunSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/**
 * The MiniLM head on a tiny problem: sentences about cooking or about astronomy, made from
 * templates and word lists; the test sentences use words the training ones never combined. The
 * two subjects share no content words, so only what the pretrained encoder knows links, say,
 * "simmer the onions" in test to "bake the bread" in training.
 */
@EndToEnd
class SentenceEmbeddingModelTest {
    private static final List<String> COOK_VERBS = List.of("bake", "simmer", "chop", "season", "roast", "stir", "fry", "grill");
    private static final List<String> COOK_THINGS = List.of("the bread", "the onions", "a pot of soup", "the garlic", "fresh pasta",
            "the chicken", "a tomato sauce", "the vegetables");
    private static final List<String> SKY_VERBS = List.of("observe", "photograph", "track", "measure", "map", "study", "detect", "watch");
    private static final List<String> SKY_THINGS = List.of("the distant galaxy", "a comet", "the planets", "a supernova",
            "the orbit of Mars", "faint stars", "the moons of Jupiter", "a black hole");
    private static final List<String> FRAMES = List.of("Tonight we %s %s.", "She wants to %s %s before dawn.", "They %s %s every week.",
            "It is hard to %s %s without help.");

    @TempDir
    Path tmp;

    /** {@code n} sentences, half per subject; {@code even} picks verb/thing pairs of one parity so train and test differ. */
    static LabeledTexts subjects(int n, long seed, boolean even) {
        Random rng = new Random(seed);
        List<String> texts = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            List<String> verbs = labels[i] == 0 ? COOK_VERBS : SKY_VERBS;
            List<String> things = labels[i] == 0 ? COOK_THINGS : SKY_THINGS;
            int v;
            int t;
            do {
                v = rng.nextInt(verbs.size());
                t = rng.nextInt(things.size());
            } while (((v + t) % 2 == 0) != even);
            texts.add(String.format(FRAMES.get(rng.nextInt(FRAMES.size())), verbs.get(v), things.get(t)));
        }
        return new LabeledTexts(List.of("cooking", "astronomy"), texts, labels, texts.stream().map(x -> "all").toList(),
                java.util.stream.IntStream.range(0, n).mapToObj(i -> "s" + i).toList());
    }

    @Test
    void headLearnsTwoSubjectsFromFrozenEmbeddingsAndReloadsToIdenticalProbabilities() throws Exception {
        TextClassifierRecipe recipe = TextModelsTest.recipe();
        TextSplit split = TextSplit.byGroup(subjects(60, 1, true), 0.15, 0.15, 7);
        RunDir run = new RunDir(tmp.resolve("run"));
        Files.createDirectories(run.model());
        run.writeInfo(new RunInfo("run", "test", "running", "", "", RecipeJson.write(recipe), Map.of(), ""));
        ModelCard card = new ModelCard("test", SentenceEmbeddingModel.NAME, RecipeJson.write(recipe), List.of(50L),
                List.of("cooking", "astronomy"), Map.of(), "synthetic", "", ModelArtifact.FORMAT);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LabeledTexts fresh = subjects(40, 99, false);
        SentenceEmbeddingModel model = new SentenceEmbeddingModel();
        try (TextClassifier trained = model.train(new TextTraining(split, recipe, new RunSession(run,
                TrainOptions.defaults(new PrintStream(console))), card, null))) {
            java.util.Set<String> distinct = new java.util.HashSet<>(split.train().texts());
            distinct.addAll(split.validation().texts());
            assertThat(console.toString()).contains("minilm: encoded " + distinct.size() + " texts"); // a repeated sentence once
            float[][] p = trained.probabilities(fresh.texts());
            ClassificationScores s = ClassificationScores.of(fresh.labels(), p, 2, 1);
            assertThat(s.accuracy()).isGreaterThan(0.9);
            for (float[] row : p) {
                assertThat(row[0] + row[1]).isCloseTo(1f, Offset.offset(1e-5f));
            }
            // the run's texts are encoded once: scoring validation again reads the cache
            long encoded = ((SentenceEmbeddingModel.Classifier) trained).encodedTexts();
            trained.probabilities(split.validation().texts());
            trained.probabilities(fresh.texts());
            assertThat(((SentenceEmbeddingModel.Classifier) trained).encodedTexts()).isEqualTo(encoded);

            Path dir = tmp.resolve("saved");
            Files.createDirectories(dir);
            trained.save(dir);
            Json.writeFile(dir.resolve("model.json"), card);
            try (TextClassifier loaded = model.load(dir, ModelArtifact.readCard(dir))) {
                assertThat(loaded.probabilities(fresh.texts())).isDeepEqualTo(p);
            }
        }
    }

    @Test
    void longTextsAreTheMeanOfTheirChunksAndOddTextsStillGetUnitVectors() {
        try (SentenceEmbeddings embeddings = SentenceEmbeddings.open()) {
            String half = "We roast the chicken with garlic and fresh herbs until golden. ".repeat(15).strip(); // 165 words: one chunk
            String other = "Astronomers track a comet as it crosses the orbit of Mars at night. ".repeat(14).strip(); // 182 words
            float[][] e = embeddings.embed(List.of(half, other, half + " " + other, "", "\u0000\uFFFD \u6f22\u5b57", "word ".repeat(6_000)));
            assertThat(embeddings.encodedChunks()).isEqualTo(1 + 2 + 2 + 1 + 1 + SentenceEmbeddings.MAX_CHUNKS);
            assertThat(embeddings.truncatedTexts()).isEqualTo(1);
            for (float[] v : e) {
                double norm = 0;
                for (float x : v) {
                    norm += x * x;
                }
                assertThat(norm).isCloseTo(1.0, Offset.offset(1e-4));
            }
            // the two-subject text lies between its halves: closer to each than they are to each other
            assertThat(dot(e[2], e[0])).isGreaterThan(dot(e[0], e[1]));
            assertThat(dot(e[2], e[1])).isGreaterThan(dot(e[0], e[1]));
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
