package dev.dlforge.projects.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Resumes;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.kit.Recipes;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rag's recipe and run lifecycle: nothing trained, so no training options and no resume; --limit sizes the question set. */
class RagRecipeTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static TrainOptions options(Integer epochs, Integer batchSize, Double lr, Integer limit, Long seed) {
        return new TrainOptions(null, null, null, epochs, batchSize, lr, limit, seed, null, QUIET, null, null);
    }

    @Test
    void theDefaultsAreTheDocumentedQuestionSet() {
        RagRecipe r = new RagProject().recipe(TrainOptions.defaults(QUIET));
        assertThat(r).isEqualTo(new RagRecipe("wordnet", "minilm-lucene", new RagRecipe.QuestionSet(1000, 20000, 2006L, 1.0), 0));
    }

    @Test
    void limitIndexesThatManyGlossesAndAsksOnePerTwentySeedSeedsTheSet() {
        RagRecipe r = new RagProject().recipe(options(null, null, null, 40, 9L));
        assertThat(r.questionSet()).isEqualTo(new RagRecipe.QuestionSet(2, 40, 9L, 1.0));
        assertThat(r.limit()).isEqualTo(40);
        assertThat(r.validated()).isEqualTo(r); // checking again changes nothing
        assertThat(new RagProject().recipe(options(null, null, null, 7, null)).questionSet().questions()).isEqualTo(1);
    }

    @Test
    void trainingOptionsAreSettingsRagDoesNotHave() {
        assertThatThrownBy(() -> new RagProject().recipe(options(3, null, 0.1, null, null))).isInstanceOf(DlforgeException.class)
                .hasMessage("project rag has no setting for --epochs, --lr")
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).startsWith("it trains no network").contains("leave them out"));
        assertThatThrownBy(() -> new RagProject().recipe(options(null, 8, null, null, null)))
                .hasMessage("project rag has no setting for --batch-size");
        TrainOptions brown = new TrainOptions(null, "brown", null, null, null, null, null, null, null, QUIET, null, null);
        assertThatThrownBy(() -> new RagProject().recipe(brown)).hasMessage("project rag evaluates on wordnet, not brown");
    }

    @Test
    void anExplicitRecipeIsCheckedBeforeAnyRunFolderExists(@TempDir Path tmp) {
        RagRecipe bad = Recipes.with(RagRecipe.defaults(), "questionSet.synonymRate", 1.5);
        TrainOptions o = new TrainOptions(null, null, null, null, null, null, null, null, tmp.resolve("run"), QUIET, null, null);
        assertThatThrownBy(() -> new RagProject().train(o, bad)).isInstanceOf(DlforgeException.class)
                .hasMessage("--synonym-rate must be between 0 and 1, got 1.5");
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void ragRunsDoNotResumeAndOlderRecipesStillRead(@TempDir Path tmp) {
        System.setProperty("dlforge.home", tmp.resolve("home").toString());
        try {
            RagProject rag = new RagProject();
            assertThat(rag).isNotInstanceOf(Resumes.class);
            RunDir run = new RunStore(DlforgeHome.current()).create(RagProject.ID, RecipeJson.write(RagRecipe.defaults()), tmp.resolve("run"));
            assertThatThrownBy(() -> Catalogue.standard().capable(RagProject.ID, Resumes.class)).isInstanceOf(DlforgeException.class)
                    .hasMessageStartingWith("runs of project rag do not resume")
                    .satisfies(e -> assertThat(((DlforgeException) e).hint()).isEqualTo("start a new run: `dlforge train rag`"));
            // a run written by main (schema 1): the question set's fields at the top; it reads as the same set
            ObjectNode flat = Json.MAPPER.valueToTree(Map.of("questions", 2, "documents", 40, "seed", 2006, "synonymRate", 0.5));
            RunDir old = new RunStore(DlforgeHome.current()).create(RagProject.ID, flat, tmp.resolve("old"));
            assertThat(rag.recipeOf(old)).isEqualTo(new RagRecipe("wordnet", "minilm-lucene", new RagRecipe.QuestionSet(2, 40, 2006L, 0.5), 0));
            // older still: no synonym rate, so its question set cannot be made again
            ObjectNode older = Json.MAPPER.valueToTree(Map.of("questions", 2, "documents", 40, "seed", 2006));
            RunDir oldest = new RunStore(DlforgeHome.current()).create(RagProject.ID, older, tmp.resolve("oldest"));
            assertThatThrownBy(() -> rag.evaluate(oldest, TrainOptions.defaults(QUIET))).isInstanceOf(DlforgeException.class)
                    .hasMessageContaining("was made by an older dlforge whose question set cannot be made again");
        } finally {
            System.clearProperty("dlforge.home");
        }
    }
}
