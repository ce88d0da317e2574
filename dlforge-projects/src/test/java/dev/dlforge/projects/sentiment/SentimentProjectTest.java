package dev.dlforge.projects.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TextSplit;
import dev.dlforge.models.text.sentiment.Vader;
import dev.dlforge.models.text.sentiment.VaderLexicon;
import dev.dlforge.projects.kit.Recipes;
import dev.dlforge.projects.text.ExtraTestSet;
import dev.dlforge.projects.text.TextClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class SentimentProjectTest {
    private static final Map<String, Double> LEXICON = Map.of("good", 1.9, "bad", -2.5, "great", 3.1);
    private static final List<String> SENTENCES = List.of("The food was good.", "NOT bad at all!!", "great, but the service was bad",
            "", "a table and a chair");

    @TempDir
    Path tmp;

    @Test
    void vaderProbabilityIsTheCompoundScoreMappedOntoZeroOneAndSurvivesSaveAndLoad() throws Exception {
        Vader vader = new Vader(VaderLexicon.of(LEXICON));
        try (TextClassifier c = new VaderModel(() -> LEXICON).train(training())) {
            float[][] p = c.probabilities(SENTENCES);
            for (int i = 0; i < SENTENCES.size(); i++) {
                assertThat((double) p[i][1]).isCloseTo((vader.score(SENTENCES.get(i)).compound() + 1) / 2, within(1e-6));
                assertThat(p[i][0] + p[i][1]).isCloseTo(1f, within(1e-6f));
            }
            assertThat(p[0][1]).isGreaterThan(0.5f);
            assertThat(p[3][1]).as("no sentiment words: compound 0").isEqualTo(0.5f);
            c.save(tmp);
            ModelCard card = new ModelCard("sentiment", VaderModel.NAME, Json.MAPPER.createObjectNode(), List.of(), List.of("neg", "pos"),
                    Map.of(), "nlp-corpus", "", ModelArtifact.FORMAT);
            try (TextClassifier loaded = new VaderModel(() -> { throw new AssertionError("a saved model needs no dataset"); }).load(tmp, card)) {
                assertThat(loaded.probabilities(SENTENCES)).isDeepEqualTo(p);
            }
        }
    }

    private static dev.dlforge.projects.text.TextTraining training() {
        LabeledTexts none = new LabeledTexts(List.of("neg", "pos"), List.of(), new int[0], List.of(), List.of());
        return new dev.dlforge.projects.text.TextTraining(new TextSplit(none, none, none, ""), null, null, null, null);
    }

    @Test
    void aPublishedTestSplitIsHeldOutWholeAndOtherwiseTheCorpusIsSplit() {
        List<String> texts = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            texts.add("review " + i);
            groups.add(i < 70 ? "imdb-train" : "imdb-test");
            labels[i] = i % 2;
        }
        LabeledTexts imdb = new LabeledTexts(List.of("neg", "pos"), texts, labels, groups, texts);
        var recipe = new SentimentProject().defaults();
        TextSplit split = new SentimentProject().split(imdb, recipe);
        assertThat(split.test().groups()).hasSize(30).containsOnly("imdb-test");
        assertThat(split.validation().groups()).hasSize(7).containsOnly("imdb-train");

        LabeledTexts corpus = new LabeledTexts(List.of("neg", "pos"), texts, labels, java.util.Collections.nCopies(100, "nlp-corpus"), texts);
        assertThat(new SentimentProject().split(corpus, recipe).test().size()).isEqualTo(10);
    }

    @Test
    void imdbGivenWithDataTrainsOnItsTrainFolderAndIsTestedOnItsTestFolder() throws Exception {
        for (String file : List.of("train/pos/0_9.txt", "train/pos/1_8.txt", "train/neg/2_1.txt", "train/neg/3_2.txt",
                "test/pos/4_10.txt", "test/neg/5_3.txt")) {
            Path path = tmp.resolve("aclImdb").resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.contains("pos") ? "A fine film.<br />Loved it." : "Dull and far too long.");
        }
        SentimentProject project = new SentimentProject();
        var recipe = Recipes.with(project.defaults(), "data.dataset", "imdb");
        LabeledTexts all = project.readTexts(recipe, tmp.resolve("aclImdb"), new dev.dlforge.data.text.TextRepairs());
        assertThat(all.texts()).contains("A fine film. Loved it.");
        TextSplit split = project.split(all, recipe);
        assertThat(split.test().ids()).containsExactly("test/neg/5_3.txt", "test/pos/4_10.txt");
        assertThat(split.train().size() + split.validation().size()).isEqualTo(4);
    }

    @Test
    void everyModelIsAlsoMeasuredOnTheHandWrittenSentencesPerTag() {
        ExtraTestSet set = new SentimentProject().extraTestSets().get(0);
        assertThat(set.texts().size()).isEqualTo(320);
        assertThat(set.texts().classCounts()).containsExactly(160, 160);
        int[] counts = set.tagCounts();
        assertThat(counts[set.tagOrder().indexOf("negation")]).isPositive();

        // Right on every text except the first negation sentence: negation accuracy is (n - 1) / n, the rest 1.
        float[][] p = new float[320][];
        int negation = set.tagOrder().indexOf("negation");
        int firstNegation = -1;
        for (int i = 0; i < 320; i++) {
            int label = set.texts().labels()[i];
            boolean wrong = firstNegation < 0 && set.tags().get(i).contains("negation");
            if (wrong) {
                firstNegation = i;
            }
            int predicted = wrong ? 1 - label : label;
            p[i] = predicted == 1 ? new float[] {0.2f, 0.8f} : new float[] {0.8f, 0.2f};
        }
        double[] byTag = set.tagAccuracy(p);
        assertThat(byTag[negation]).isCloseTo((counts[negation] - 1) / (double) counts[negation], within(1e-12));
        Map<String, Double> metrics = set.metrics(p, 1);
        assertThat(metrics.get("handwritten_accuracy")).isCloseTo(319 / 320.0, within(1e-12));
        for (String tag : set.tags().get(firstNegation)) {
            assertThat(metrics.get("handwritten_" + tag + "_accuracy")).as(tag).isLessThan(1.0);
        }
        assertThat(Set.copyOf(set.tagOrder())).contains("plain", "contrast", "intensifier", "caps", "punctuation", "dampener");
    }
}
