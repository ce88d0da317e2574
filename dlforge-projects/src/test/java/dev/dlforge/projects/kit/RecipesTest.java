package dev.dlforge.projects.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.projects.TrainOptions;
import java.io.PrintStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class RecipesTest {
    record Loop(int epochs, int batchSize, double learningRate, long seed) {}

    record Recipe(String dataset, String model, Loop train, int limit, String note) {}

    private static final Recipe RECIPE = new Recipe("mnist", "cnn", new Loop(10, 64, 1e-3, 42), 0, null);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void setsANestedFieldAndKeepsEveryOtherValue() {
        Recipe r = Recipes.with(RECIPE, "train.epochs", 3);
        assertThat(r).isEqualTo(new Recipe("mnist", "cnn", new Loop(3, 64, 1e-3, 42), 0, null));
        assertThat(Recipes.get(r, "train.epochs").asInt()).isEqualTo(3);
        assertThat(Recipes.with(RECIPE, "note", "x").note()).isEqualTo("x");
    }

    @Test
    void anUnknownPathNamesTheFieldsThere() {
        assertThatThrownBy(() -> Recipes.with(RECIPE, "train.epoch", 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Recipe has no field train.epoch").hasMessageContaining("[epochs, batchSize, learningRate, seed]");
    }

    @Test
    void appliesTheCommandLineWhereThePathsPutIt() {
        TrainOptions o = new TrainOptions("mlp", null, null, 2, 8, 0.01, 100, 7L, null, QUIET, null, null);
        Recipe r = Recipes.apply(RECIPE, o, RecipeOptions.flat().withTrainingUnder("train"), "toy");
        assertThat(r).isEqualTo(new Recipe("mnist", "mlp", new Loop(2, 8, 0.01, 7), 100, null));
        assertThat(Recipes.apply(RECIPE, TrainOptions.defaults(QUIET), RecipeOptions.flat(), "toy")).isEqualTo(RECIPE);
    }

    @Test
    void anOptionTheProjectHasNoSettingForIsAnErrorNamingIt() {
        TrainOptions o = new TrainOptions(null, null, null, 2, null, 0.1, null, null, null, QUIET, null, null);
        assertThatThrownBy(() -> Recipes.apply(RECIPE, o, RecipeOptions.flat().withoutTraining(), "rag"))
                .isInstanceOf(DlforgeException.class).hasMessage("project rag has no setting for --epochs, --lr");
    }
}
