package dev.dlforge.projects.kit;

import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.projects.ResumePoint;
import dev.dlforge.projects.Resumes;
import dev.dlforge.projects.TrainOptions;
import java.time.Instant;

/**
 * A {@link TrainingProject} whose runs continue from their newest readable checkpoint: the recipe is
 * read back (schema-checked), its epochs raised to {@code --epochs} when given (a completed run
 * trains further only so), the data read again, and training continues exactly where it stopped.
 */
public abstract class ResumableProject<R, D> extends TrainingProject<R, D> implements Resumes {

    @Override
    public RunDir resume(RunDir run, TrainOptions options) {
        R recipe = recipeOf(run);
        ResumePoint from = ResumePoint.of(run, options.console());
        String epochsPath = recipeOptions().epochs();
        int recipeEpochs = Recipes.get(recipe, epochsPath).asInt();
        int epochs = from.totalEpochs(run, options.epochs(), recipeEpochs);
        if (epochs != recipeEpochs) {
            recipe = validated(Recipes.with(recipe, epochsPath, epochs));
        }
        D data = data(recipe, options);
        RunInfo info = run.info();
        run.writeInfo(new RunInfo(info.id(), info.project(), RunInfo.RUNNING, info.created(), Instant.now().toString(),
                RecipeJson.write(recipe), info.metrics(), ""));
        options.console().println("resuming " + run.path() + " from " + from.checkpoint().getFileName());
        return execute(run, recipe, data, from.checkpoint(), options);
    }
}
