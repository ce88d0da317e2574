package dev.dlforge.projects.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.sentiment.SentimentProject;
import dev.dlforge.projects.spam.SpamProject;
import dev.dlforge.projects.topics.TopicsProject;
import dev.dlforge.projects.text.TextClassifierRecipe.Data;
import dev.dlforge.projects.text.TextClassifierRecipe.Features;
import dev.dlforge.projects.text.TextClassifierRecipe.Logistic;
import dev.dlforge.projects.text.TextClassifierRecipe.NaiveBayes;
import dev.dlforge.projects.text.TextClassifierRecipe.Network;
import dev.dlforge.projects.text.TextClassifierRecipe.Serving;
import dev.dlforge.projects.text.TextClassifierRecipe.Train;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The text projects' recipes: their documented figures, where the command line lands in them, and their shape on disk. */
class TextClassifierRecipeTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void eachProjectsDefaultsAreTheFiguresItsDocsWereMeasuredWith() {
        // The flat recipes before schema 2, field by field (docs/projects/spam.md, sentiment.md, topics.md).
        assertThat(new SpamProject().recipe(TrainOptions.defaults(QUIET))).isEqualTo(new TextClassifierRecipe("all", 42,
                new Data("spam-assassin", 0.1, 0.2, 0), new Features(30_000, 2), new NaiveBayes(1.0), new Logistic(20, 0.02, 1e-4),
                new Network(64, 64, 0.3f, 400), new Train(20, 32, 2e-3, 4),
                new Serving(ServedModelRule.RECALL_AT_FALSE_POSITIVE_RATE_PER_GROUP, 0.005)));
        assertThat(new SentimentProject().recipe(TrainOptions.defaults(QUIET))).isEqualTo(new TextClassifierRecipe("all", 42,
                new Data("nlp-corpus", 0.1, 0.1, 0), new Features(20_000, 2), new NaiveBayes(1.0), new Logistic(20, 0.02, 1e-4),
                new Network(48, 48, 0.3f, 40), new Train(4, 64, 3e-3, 2), new Serving(ServedModelRule.VALIDATION_F1, 0)));
        assertThat(new TopicsProject().recipe(TrainOptions.defaults(QUIET))).isEqualTo(new TextClassifierRecipe("all", 42,
                new Data("brown-genres", 0.1, 0.2, 0), new Features(30_000, 2), new NaiveBayes(1.0), new Logistic(20, 0.02, 1e-4),
                new Network(64, 64, 0.3f, 400), new Train(1, 32, 2e-3, 4), new Serving(ServedModelRule.VALIDATION_F1, 0)));
    }

    @Test
    void theCommandLineLandsInTheNestedRecordsAndLeavesTheRestAsItWas() {
        TrainOptions o = new TrainOptions("tfidf-logreg", null, null, 3, 16, 0.01, 200, 7L, null, QUIET, null, null);
        TextClassifierRecipe r = new SpamProject().recipe(o);
        TextClassifierRecipe d = new SpamProject().recipe(TrainOptions.defaults(QUIET));
        assertThat(r.model()).isEqualTo("tfidf-logreg");
        assertThat(r.seed()).isEqualTo(7);
        assertThat(r.train()).isEqualTo(new Train(3, 16, 0.01, d.train().patience()));
        assertThat(r.data()).isEqualTo(new Data(d.data().dataset(), 0.1, 0.2, 200));
        assertThat(r.data().textsToRead()).isEqualTo(286); // 200 / 0.7, so that 200 are left to train on
        assertThat(r.network()).isEqualTo(d.network());
        assertThat(r.logistic()).isEqualTo(d.logistic());
        assertThat(r.serving()).isEqualTo(d.serving());
    }

    @Test
    void badValuesAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> new SpamProject().recipe(new TrainOptions(null, null, null, null, null, null, 10, null, null, QUIET, null,
                null))).isInstanceOf(DlforgeException.class).hasMessage("--limit must be 0 (all) or at least 20 texts, got 10");
        assertThatThrownBy(() -> new SpamProject().recipe(new TrainOptions(null, "brown-genres", null, null, null, null, null, null, null,
                QUIET, null, null))).isInstanceOf(DlforgeException.class).hasMessage("project spam does not train on dataset brown-genres");
        TopicsProject topics = new TopicsProject();
        TextClassifierRecipe thresholds = dev.dlforge.projects.kit.Recipes.with(topics.recipe(TrainOptions.defaults(QUIET)), "serving",
                Serving.atFalsePositiveRatePerGroup(0.01));
        assertThatThrownBy(() -> topics.validated(thresholds)).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("has no positive class, so no false-positive rate");
    }

    @Test
    void aRecipeIsWrittenWithItsSchemaAndAFlatRecipeOfAnOlderRunIsRefusedSayingSo() throws Exception {
        TextClassifierRecipe spam = new SpamProject().recipe(TrainOptions.defaults(QUIET));
        ObjectNode written = RecipeJson.write(spam);
        assertThat(written.get(RecipeJson.SCHEMA).asInt()).isEqualTo(2);
        assertThat(written.at("/train/epochs").asInt()).isEqualTo(20);
        assertThat(written.at("/serving/maxFalsePositiveRate").asDouble()).isEqualTo(0.005);
        assertThat(RecipeJson.read(written, TextClassifierRecipe.class, "run r")).isEqualTo(spam);

        ObjectNode flat = (ObjectNode) Json.MAPPER.readTree("{\"dataset\":\"spam-assassin\",\"model\":\"all\",\"epochs\":2,\"batchSize\":32,"
                + "\"learningRate\":0.002,\"embeddingDim\":64,\"hidden\":64,\"dropout\":0.3,\"maxTokens\":400,\"vocabularySize\":30000,"
                + "\"minCount\":2,\"laplace\":1.0,\"l2\":1.0E-4,\"logisticEpochs\":20,\"logisticRate\":0.02,\"validationFraction\":0.1,"
                + "\"testFraction\":0.2,\"patience\":4,\"seed\":42,\"limit\":1000,"
                + "\"servedModelRule\":\"RECALL_AT_FALSE_POSITIVE_RATE_PER_GROUP\",\"maxFalsePositiveRate\":0.005}");
        // a run trained before schema 2 still reads, every value in its named record
        TextClassifierRecipe old = RecipeJson.read(flat, TextClassifierRecipe.class, "run old");
        assertThat(old.data()).isEqualTo(new TextClassifierRecipe.Data("spam-assassin", 0.1, 0.2, 1000));
        assertThat(old.logistic()).isEqualTo(new TextClassifierRecipe.Logistic(20, 0.02, 1e-4));
        assertThat(old.train()).isEqualTo(new TextClassifierRecipe.Train(2, 32, 0.002, 4));
        assertThat(old.network()).isEqualTo(new TextClassifierRecipe.Network(64, 64, 0.3f, 400));
        assertThat(old.serving()).isEqualTo(new TextClassifierRecipe.Serving(ServedModelRule.RECALL_AT_FALSE_POSITIVE_RATE_PER_GROUP, 0.005));
        assertThat(old.features().vocabularySize()).isEqualTo(30000);
        assertThat(old.naiveBayes().laplace()).isEqualTo(1.0);
        assertThat(old.seed()).isEqualTo(42);
    }
}
