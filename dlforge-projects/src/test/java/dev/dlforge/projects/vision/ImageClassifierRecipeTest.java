package dev.dlforge.projects.vision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RecipeJson;
import org.junit.jupiter.api.Test;

class ImageClassifierRecipeTest {

    @Test
    void aRecipeSavedBeforeTheHandwritingAugmentationsReadsWithThemOff() throws Exception {
        String saved = """
                {"dataset":"opencv-digits","model":"cnn","epochs":40,"batchSize":64,"learningRate":0.001,"schedule":"cosine",
                 "weightDecay":0.0,"dropout":0.3,"augment":{"shiftPixels":2,"rotateDegrees":12.0,"scale":0.1,"flip":false},
                 "validationFraction":0.1,"patience":0,"seed":42,"limit":0}""";
        ImageClassifierRecipe recipe = ImageClassifierProject.recipeOf(Json.MAPPER.readTree(saved), "run r");
        assertThat(recipe.augment()).isEqualTo(new ImageClassifierRecipe.Augment(2, 12, 0.1, false));
        assertThat(recipe.augmentations()).hasSize(1);
        // a schema 1 recipe: the training loop's settings were top-level fields then
        assertThat(recipe.train()).isEqualTo(new ImageClassifierRecipe.Training(40, 64, 0.001, "cosine", 0, 0.1, 0, 42));
        assertThat(recipe.dropout()).isEqualTo(0.3f);
    }

    @Test
    void aRecipeRoundTripsThroughJsonWithEveryAugmentation() throws Exception {
        ImageClassifierRecipe.Augment a = new ImageClassifierRecipe.Augment(2, 12, 0.12, false, 0.3, 0.2, 1.5, 0.5, 8, 4);
        ImageClassifierRecipe recipe = new ImageClassifierRecipe("opencv-digits", "cnn", ImageClassifierRecipe.Training.defaults(), 0.3f, a, 0);
        ImageClassifierRecipe back = ImageClassifierProject.recipeOf(RecipeJson.write(recipe), "run r");
        assertThat(back).isEqualTo(recipe);
        assertThat(back.augmentations()).hasSize(3);
    }
}
