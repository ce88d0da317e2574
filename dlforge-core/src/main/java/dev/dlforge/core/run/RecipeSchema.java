package dev.dlforge.core.run;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version of a recipe type's JSON shape, written beside its fields (see {@link RecipeJson}).
 * Raise it when a field is renamed, moved or changes meaning: runs written with another version are
 * then refused with a clear error instead of read with silently missing values. A recipe without
 * this annotation is version 1.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RecipeSchema {
    int value();
}
