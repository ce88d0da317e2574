package dev.dlforge.projects.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import dev.dlforge.projects.TrainOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Changes to a recipe record by field path, written once for every recipe type instead of a
 * {@code withX} method per field: the record goes to a JSON tree, the field at the dotted path
 * ({@code train.epochs}) is replaced, and the tree goes back to the record, so nested records keep
 * their types and every other value is kept exactly.
 */
public final class Recipes {
    private Recipes() {}

    /** {@code recipe} with the field at {@code path} set to {@code value}; an unknown path is an error listing the fields there. */
    public static <R> R with(R recipe, String path, Object value) {
        ObjectNode tree = Json.MAPPER.valueToTree(recipe);
        String[] parts = path.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) field(parent, parts[i], path, recipe);
        }
        field(parent, parts[parts.length - 1], path, recipe);
        parent.set(parts[parts.length - 1], Json.MAPPER.valueToTree(value));
        try {
            @SuppressWarnings("unchecked")
            R changed = (R) Json.MAPPER.treeToValue(tree, recipe.getClass());
            return changed;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot set " + path + " of " + recipe.getClass().getSimpleName() + " to " + value, e);
        }
    }

    /**
     * {@code recipe} with several fields set by name, e.g. {@code with(Training.defaults(), Map.of("epochs", 15, "batchSize", 128))}:
     * how a project states the documented values that differ from a record's defaults.
     */
    public static <R> R with(R recipe, Map<String, ?> values) {
        R r = recipe;
        for (var e : new TreeMap<>(values).entrySet()) {
            r = with(r, e.getKey(), e.getValue());
        }
        return r;
    }

    /** The value at {@code path}, as JSON. */
    public static JsonNode get(Object recipe, String path) {
        JsonNode node = Json.MAPPER.valueToTree(recipe);
        for (String part : path.split("\\.")) {
            node = field(node, part, path, recipe);
        }
        return node;
    }

    /**
     * {@code recipe} with the command line's overrides applied where {@code paths} puts them; an
     * option the project has no setting for is an error naming it.
     */
    public static <R> R apply(R recipe, TrainOptions o, RecipeOptions paths, String project) {
        List<String> unsupported = new ArrayList<>();
        R r = recipe;
        r = set(r, paths.model(), o.model(), "--model", unsupported);
        r = set(r, paths.dataset(), o.dataset(), "--dataset", unsupported);
        r = set(r, paths.epochs(), o.epochs(), "--epochs", unsupported);
        r = set(r, paths.batchSize(), o.batchSize(), "--batch-size", unsupported);
        r = set(r, paths.learningRate(), o.learningRate(), "--lr", unsupported);
        r = set(r, paths.seed(), o.seed(), "--seed", unsupported);
        r = set(r, paths.limit(), o.limit(), "--limit", unsupported);
        if (!unsupported.isEmpty()) {
            boolean trainsNoLoop = paths.epochs() == null && paths.batchSize() == null && paths.learningRate() == null;
            throw new DlforgeException("project " + project + " has no setting for " + String.join(", ", unsupported),
                    (trainsNoLoop ? "it trains no network, so it has no epochs, batch size or learning rate: " : "")
                            + "leave " + (unsupported.size() == 1 ? "it" : "them") + " out; `dlforge train --help` says what each option does");
        }
        return r;
    }

    private static <R> R set(R recipe, String path, Object value, String option, List<String> unsupported) {
        if (value == null) {
            return recipe;
        }
        if (path == null) {
            unsupported.add(option);
            return recipe;
        }
        return with(recipe, path, value);
    }

    private static JsonNode field(JsonNode node, String name, String path, Object recipe) {
        JsonNode child = node.get(name);
        if (child == null) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            throw new IllegalArgumentException(recipe.getClass().getSimpleName() + " has no field " + path + " (at '" + name + "': " + names + ")");
        }
        return child;
    }
}
