package dev.dlforge.projects.pos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.projects.Resumes;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.kit.Recipes;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** pos's recipe as the kit builds it: documented defaults, the command line's options by path, on disk with schema 2. */
class PosRecipeTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void theDefaultsAreTheDocumentedRecipe() {
        PosRecipe r = new PosProject().recipe(TrainOptions.defaults(QUIET));
        assertThat(r.dataset()).isEqualTo("brown");
        assertThat(r.model()).isEqualTo("bilstm-crf");
        assertThat(r.train()).isEqualTo(new PosRecipe.Training(5, 32, 2e-3, "cosine", 5.0, 2024L));
        assertThat(r.network()).isEqualTo(new PosRecipe.Network(64, 32, 8, 96, 0.3f, 2));
        assertThat(r.split()).isEqualTo(new PosRecipe.Split(50, 25));
        assertThat(r.limit()).isZero();
    }

    @Test
    void theCommandLineLandsInTheTrainingLoopAndTheLimit() {
        TrainOptions o = new TrainOptions("bilstm-crf", "conll2003", null, 3, 16, 0.01, 100, 7L, null, QUIET, null, null);
        PosRecipe r = new PosProject().recipe(o);
        assertThat(r.train()).isEqualTo(new PosRecipe.Training(3, 16, 0.01, "cosine", 5.0, 7L));
        assertThat(r.dataset()).isEqualTo("conll2003");
        assertThat(r.limit()).isEqualTo(100);
        assertThat(r.network()).isEqualTo(PosRecipe.Network.defaults());
        assertThatThrownBy(() -> new PosProject().recipe(o.withModel("crf"))).isInstanceOf(DlforgeException.class)
                .hasMessage("project pos has no model 'crf'");
    }

    @Test
    void aRunsRecipeIsWrittenWithSchemaTwoAndAnOlderFlatOneIsUpgraded() throws Exception {
        PosRecipe r = PosRecipe.defaults();
        ObjectNode tree = RecipeJson.write(r);
        assertThat(tree.get("schema").asInt()).isEqualTo(2);
        assertThat(tree.at("/train/epochs").asInt()).isEqualTo(5);
        assertThat(RecipeJson.read(tree, PosRecipe.class, "run x")).isEqualTo(r);
        // what main wrote (PosRecipe schema 1): every field at the top, no model, no schema
        ObjectNode flat = (ObjectNode) Json.MAPPER.readTree("""
                {"dataset": "brown", "epochs": 2, "batchSize": 32, "learningRate": 0.002, "schedule": "cosine", "wordDim": 64,
                 "suffixDim": 32, "shapeDim": 8, "hidden": 96, "dropout": 0.3, "minWordCount": 2, "clipNorm": 5.0,
                 "testDocuments": 50, "validationDocuments": 25, "seed": 2024, "limit": 300}""");
        assertThat(RecipeJson.read(flat, PosRecipe.class, "run 20250101-1"))
                .isEqualTo(Recipes.with(Recipes.with(r, "train.epochs", 2), "limit", 300));
    }

    @Test
    void posRunsResumeAndBadValuesAreClearErrors() {
        assertThat(new PosProject()).isInstanceOf(Resumes.class);
        TrainOptions o = TrainOptions.defaults(QUIET);
        assertThatThrownBy(() -> new PosProject().recipe(new TrainOptions(null, null, null, null, null, -1.0, null, null, null, QUIET,
                o.stop(), null))).isInstanceOf(DlforgeException.class).hasMessage("--lr must be a positive number, got -1.0");
    }
}
