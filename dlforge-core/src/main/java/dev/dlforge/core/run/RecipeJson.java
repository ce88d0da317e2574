package dev.dlforge.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * A recipe as {@code run.json} and model cards hold it: the record's fields and {@code "schema"}, the
 * version of the recipe type's shape ({@link RecipeSchema}). Reading checks the version first, so
 * a run from an older or newer dlforge fails with an error that says which, instead of a recipe
 * with silently missing values (the JSON reader ignores unknown fields). Recipes written before
 * versions were recorded read as version 1. A recipe type that can read its older shapes says so
 * with a static {@code ObjectNode upgrade(ObjectNode fields, int fromSchema)} returning the fields
 * in its current shape; runs and models trained before a change then keep working.
 */
public final class RecipeJson {
    public static final String SCHEMA = "schema";

    private RecipeJson() {}

    /** The version {@code type} is written with. */
    public static int schemaOf(Class<?> type) {
        RecipeSchema s = type.getAnnotation(RecipeSchema.class);
        return s == null ? 1 : s.value();
    }

    public static ObjectNode write(Object recipe) {
        ObjectNode tree = Json.MAPPER.createObjectNode();
        tree.put(SCHEMA, schemaOf(recipe.getClass()));
        tree.setAll((ObjectNode) Json.MAPPER.valueToTree(recipe));
        return tree;
    }

    /**
     * The recipe in {@code tree}.
     *
     * @param owner what holds it, for errors, e.g. "run 20261207-1" or "model folder /x/model"
     */
    public static <R> R read(JsonNode tree, Class<R> type, String owner) {
        if (tree == null || !tree.isObject()) {
            throw new DlforgeException(owner + " has no recipe", "train a new run");
        }
        int expected = schemaOf(type);
        int found = tree.path(SCHEMA).asInt(1);
        ObjectNode fields = ((ObjectNode) tree).deepCopy();
        if (found < expected && upgrade(type) != null) {
            fields = upgraded(type, fields, found);
            found = expected;
        }
        if (found != expected) {
            throw new DlforgeException(owner + " has a recipe of schema " + found + "; this dlforge reads " + type.getSimpleName()
                    + " schema " + expected, found > expected ? "use the newer dlforge that wrote it, or train a new run"
                            : "it comes from an older dlforge: train a new run (or use that version to read it)");
        }
        fields.remove(SCHEMA);
        try {
            return Json.MAPPER.treeToValue(fields, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new DlforgeException(owner + " has a recipe this dlforge cannot read: " + why, "train a new run");
        }
    }

    /**
     * For a recipe type's {@code upgrade}: moves the top-level {@code names} of {@code fields} (those
     * present) into a new object {@code group}, as a record's settings move into a nested record.
     */
    public static ObjectNode nest(ObjectNode fields, String group, List<String> names) {
        ObjectNode nested = fields.putObject(group);
        for (String name : names) {
            if (fields.has(name)) {
                nested.set(name, fields.remove(name));
            }
        }
        return nested;
    }

    private static Method upgrade(Class<?> type) {
        try {
            Method m = type.getMethod("upgrade", ObjectNode.class, int.class);
            return Modifier.isStatic(m.getModifiers()) && m.getReturnType() == ObjectNode.class ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static ObjectNode upgraded(Class<?> type, ObjectNode fields, int fromSchema) {
        try {
            return (ObjectNode) upgrade(type).invoke(null, fields, fromSchema);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(type.getSimpleName() + ".upgrade failed on a schema " + fromSchema + " recipe", e);
        }
    }
}
