package dev.dlforge.projects.poetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.models.lm.rnn.RecurrentLmConfig;
import dev.dlforge.projects.TrainOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The poetry recipe: the documented figures, where the command line lands, bad values, and the recipe on disk. */
class PoetryRecipeTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private final PoetryProject project = new PoetryProject();

    @Test
    void theDefaultsAreTheDocumentedCharacterLstm() {
        PoetryRecipe recipe = project.recipe(TrainOptions.defaults(QUIET));
        assertThat(recipe.networkConfig(93)).isEqualTo(new RecurrentLmConfig(93, 64, 256, 2, 0.2f, RecurrentLmConfig.Cell.LSTM));
        assertThat(recipe.train()).isEqualTo(new PoetryRecipe.Train(12, 32, 100, 2e-3, "cosine", 1.0, 1234L));
        assertThat(recipe.words()).isEqualTo(new PoetryRecipe.Words(10_000, 2));
        assertThat(recipe.dataset()).isEqualTo("songs-poems");
        assertThat(recipe.limit()).isZero();
    }

    @Test
    void theCommandLineLandsInTheRecipe() {
        TrainOptions o = new TrainOptions("word-gru", "moby-dick", null, 3, 6, 0.01, 12, 9L, null, QUIET, null, null);
        PoetryRecipe recipe = project.recipe(o);
        assertThat(recipe.model()).isEqualTo("word-gru");
        assertThat(recipe.wordLevel()).isTrue();
        assertThat(recipe.cell()).isEqualTo(RecurrentLmConfig.Cell.GRU);
        assertThat(recipe.dataset()).isEqualTo("moby-dick");
        assertThat(recipe.limit()).isEqualTo(12);
        assertThat(recipe.train()).isEqualTo(new PoetryRecipe.Train(3, 6, 100, 0.01, "cosine", 1.0, 9L));
        assertThat(recipe.trainerConfig().epochs()).isEqualTo(3);
    }

    @Test
    void anUnknownModelOrDatasetIsAClearError() {
        assertThatThrownBy(() -> project.recipe(TrainOptions.defaults(QUIET).withModel("transformer")))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("no model 'transformer'");
        TrainOptions brown = new TrainOptions(null, "brown", null, null, null, null, null, null, null, QUIET, null, null);
        assertThatThrownBy(() -> project.recipe(brown)).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("cannot train on 'brown'");
    }

    @Test
    void theRecipeOnDiskIsGroupedAndVersioned() {
        PoetryRecipe recipe = PoetryRecipe.defaults();
        ObjectNode tree = RecipeJson.write(recipe);
        assertThat(tree.get(RecipeJson.SCHEMA).asInt()).isEqualTo(2);
        assertThat(tree.get("train").get("window").asInt()).isEqualTo(100);
        assertThat(tree.has("wordLevel")).isFalse();
        assertThat(RecipeJson.read(tree, PoetryRecipe.class, "run x")).isEqualTo(recipe);
    }

    @Test
    void aRunTrainedOnSchemaOneReadsAsTheSameRun() throws Exception {
        // run.json's recipe of `dlforge train poetry --limit 12 --epochs 1 --batch-size 4` as written before schema 2
        String main = "{\"dataset\":\"songs-poems\",\"model\":\"lstm\",\"epochs\":1,\"batchSize\":4,\"window\":100,\"learningRate\":0.002,"
                + "\"schedule\":\"cosine\",\"embedDim\":64,\"hidden\":256,\"layers\":2,\"dropout\":0.2,\"clipNorm\":1.0,\"maxVocab\":10000,"
                + "\"minWordCount\":2,\"seed\":1234,\"limit\":12}";
        TrainOptions o = new TrainOptions(null, null, null, 1, 4, null, 12, null, null, QUIET, null, null);
        assertThat(RecipeJson.read(Json.MAPPER.readTree(main), PoetryRecipe.class, "model /m")).isEqualTo(project.recipe(o));
    }
}
