package dev.dlforge.projects.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.models.lm.gpt.GptConfig;
import dev.dlforge.models.lm.gpt.GptTrainConfig;
import dev.dlforge.projects.TrainOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The gpt recipe: nanoGPT's documented figures, where the command line lands, --limit's interval, and the recipe on disk. */
class GptRecipeTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private final GptProject project = new GptProject();

    private static TrainOptions options(String model, Integer epochs, Integer batch, Double lr, Integer limit, Long seed) {
        return new TrainOptions(model, null, null, epochs, batch, lr, limit, seed, null, QUIET, null, null);
    }

    @Test
    void theDefaultsAreNanoGptsBabyRun() {
        GptRecipe recipe = project.recipe(TrainOptions.defaults(QUIET));
        assertThat(recipe.train().config()).isEqualTo(GptTrainConfig.nanoGptChar());
        assertThat(recipe.network().config(65)).isEqualTo(GptConfig.baby(65));
        assertThat(recipe.train().epochs()).as("8 validations, 250 iterations apart").isEqualTo(8);
        assertThat(recipe.model()).isEqualTo(GptRecipe.CHAR);
        assertThat(recipe.dataset()).isEqualTo("moby-dick");
    }

    @Test
    void epochsAreValidationsAndTheScheduleKeepsItsShape() {
        GptTrainConfig loop = project.recipe(options("bpe", 2, null, 3e-3, null, 7L)).train().config();
        assertThat(loop.maxIters()).isEqualTo(500);
        assertThat(loop.evalInterval()).isEqualTo(250);
        assertThat(loop.warmupIters()).as("the warm-up keeps its 5% of the run").isEqualTo(25);
        assertThat(loop.learningRate()).isEqualTo(3e-3);
        assertThat(loop.minLearningRate()).as("the floor keeps its tenth of the rate").isEqualTo(3e-3 * 0.1);
        assertThat(loop.seed()).isEqualTo(7L);
        assertThat(project.recipe(options("bpe", null, null, null, null, null)).model()).isEqualTo(GptRecipe.BPE);
    }

    @Test
    void aLimitMakesEachValidationComeAfterOnePassOfItsWindows() {
        GptRecipe small = project.recipe(options(null, 1, 4, null, 24, null));
        assertThat(small.limit()).isEqualTo(24);
        assertThat(small.train().evalInterval()).as("24 windows in batches of 4").isEqualTo(6);
        assertThat(small.train().config().maxIters()).isEqualTo(6);
        assertThat(small.validated()).as("deriving again (a resumed run) keeps the interval").isEqualTo(small);
        assertThat(project.recipe(options(null, 2, null, null, 20_000, null)).train().evalInterval())
                .as("a pass longer than the recipe's interval keeps the interval").isEqualTo(250);
    }

    @Test
    void badValuesAreClearErrors() {
        assertThatThrownBy(() -> project.recipe(options("lstm", null, null, null, null, null))).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("no model 'lstm'");
        GptRecipe recipe = GptRecipe.defaults();
        assertThatThrownBy(() -> new GptRecipe(recipe.model(), recipe.dataset(), 0, new GptRecipe.Corpus(0.1, 200), recipe.network(),
                recipe.train()).validated()).isInstanceOf(DlforgeException.class).hasMessageContaining("more than 256 tokens");
    }

    @Test
    void theRecipeOnDiskIsGroupedAndVersioned() {
        GptRecipe recipe = project.recipe(options(null, 1, 4, null, 24, null));
        ObjectNode tree = RecipeJson.write(recipe);
        assertThat(tree.get(RecipeJson.SCHEMA).asInt()).isEqualTo(2);
        assertThat(tree.get("train").get("epochs").asInt()).isEqualTo(1);
        assertThat(tree.get("train").has("iterations")).as("derived values are not stored").isFalse();
        assertThat(RecipeJson.read(tree, GptRecipe.class, "run x")).isEqualTo(recipe);
    }

    @Test
    void aRunTrainedOnSchemaOneReadsAsTheSameRun() throws Exception {
        // run.json's recipe of `dlforge train gpt --limit 20000 --epochs 2` as written before schema 2
        String main = "{\"dataset\":\"moby-dick\",\"tokens\":\"char\",\"bpeVocab\":2048,\"nLayer\":4,\"nHead\":4,\"nEmbd\":128,"
                + "\"blockSize\":64,\"dropout\":0.0,\"bias\":false,\"validationFraction\":0.1,\"train\":{\"maxIters\":500,"
                + "\"evalInterval\":250,\"evalIters\":20,\"batchSize\":12,\"learningRate\":0.001,\"minLearningRate\":0.0001,"
                + "\"warmupIters\":25,\"weightDecay\":0.1,\"beta1\":0.9,\"beta2\":0.99,\"gradClip\":1.0,\"seed\":1337},\"limit\":20000}";
        GptRecipe old = RecipeJson.read(Json.MAPPER.readTree(main), GptRecipe.class, "run old");
        assertThat(old).isEqualTo(project.recipe(options(null, 2, null, null, 20_000, null)));
        assertThat(old.train().config()).isEqualTo(new GptTrainConfig(500, 250, 20, 12, 1e-3, 1e-4, 25, 0.1f, 0.9f, 0.99f, 1.0, 1337));
    }
}
