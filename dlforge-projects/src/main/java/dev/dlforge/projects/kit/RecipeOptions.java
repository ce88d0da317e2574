package dev.dlforge.projects.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Where each {@code dlforge train} option lands in a project's recipe: a dotted path of record
 * components (e.g. {@code train.epochs}), or null when the project has no such setting, which makes
 * the option an error that says so rather than silently ignored. See {@link Recipes#apply}.
 */
public record RecipeOptions(String model, String dataset, String epochs, String batchSize, String learningRate, String seed,
        String limit) {

    /** The value at {@code path} (dotted) of a recipe as run.json holds it; missing (empty text, 0) when the path is null or absent. */
    public static JsonNode valueAt(JsonNode recipe, String path) {
        if (recipe == null || path == null) {
            return MissingNode.getInstance();
        }
        return recipe.at("/" + path.replace('.', '/'));
    }

    /** Every option at the recipe's top level, under the option's own name. */
    public static RecipeOptions flat() {
        return new RecipeOptions("model", "dataset", "epochs", "batchSize", "learningRate", "seed", "limit");
    }

    /** Every option but those that tune a training loop (for projects that train none: rag's index). */
    public RecipeOptions withoutTraining() {
        return new RecipeOptions(model, dataset, null, null, null, seed, limit);
    }

    public RecipeOptions withTrainingUnder(String prefix) {
        return new RecipeOptions(model, dataset, prefix + ".epochs", prefix + ".batchSize", prefix + ".learningRate", prefix + ".seed", limit);
    }
}
