package dev.dlforge.projects;

import dev.dlforge.core.run.RunDir;
import dev.dlforge.projects.kit.RecipeOptions;
import java.util.List;

/** A project that trains runs: {@code dlforge train ID}, the studio's train form. */
public interface Trains extends Project {

    /** Model variants, the first being the default. */
    List<String> models();

    /** Dataset ids it can train on, the first being the default. */
    List<String> datasets();

    /** Where each {@code dlforge train} option lands in this project's recipe (the studio's Runs table reads them back). */
    default RecipeOptions recipeOptions() {
        return RecipeOptions.flat();
    }

    /** Trains a new run; returns its folder (complete, or stopped and resumable). */
    RunDir train(TrainOptions options);
}
