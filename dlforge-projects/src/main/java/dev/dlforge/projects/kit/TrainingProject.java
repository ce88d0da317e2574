package dev.dlforge.projects.kit;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.MetricText;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.RunFailure;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.Trains;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The run lifecycle, written once for every project that trains. A project supplies its recipe
 * ({@link #defaults}, {@link #validated}), its data ({@link #data}) and one run's training and
 * evaluation ({@link #train(RunSession, Object, Object, Path)}); the lifecycle does the rest:
 *
 * <ol>
 *   <li>the recipe: the project's defaults with the command line's overrides ({@link Recipes#apply});
 *   <li>the data, read before the run folder exists, so a bad dataset or limit leaves nothing behind;
 *   <li>the run folder, with run.json (status running) and the recipe with its schema ({@link RecipeJson});
 *   <li>the project's training, fitted through {@link RunSession#fit} (stop signal, progress, recorder, listener);
 *   <li>stopped: the run stays resumable; completed: metrics.json, run.json completed, the metric line and the report's path (when it wrote one);
 *   <li>any failure: status failed and an error saying whose fault it is ({@link RunFailure}).
 * </ol>
 *
 * Projects whose runs continue from checkpoints extend {@link ResumableProject}.
 *
 * @param <R> the recipe record
 * @param <D> the data one run trains and is evaluated on
 */
public abstract class TrainingProject<R, D> implements Trains {

    /** The recipe before the command line's overrides: the documented one for the options' model (the first model's when none). */
    protected abstract R defaults(TrainOptions options);

    /** The recipe record's type, to read runs back. */
    protected abstract Class<R> recipeType();

    /**
     * Where the command line's options land: at the recipe's top level, those of the training loop
     * (epochs, batch size, learning rate, seed) in its {@code train} record when it has one.
     */
    @Override
    public RecipeOptions recipeOptions() {
        boolean nested = recipeType().isRecord()
                && Arrays.stream(recipeType().getRecordComponents()).anyMatch(c -> c.getName().equals("train") && c.getType().isRecord());
        return nested ? RecipeOptions.flat().withTrainingUnder("train") : RecipeOptions.flat();
    }

    /** The recipe checked (a clear error per bad value) and its derived values set; as it is by default. */
    protected R validated(R recipe) {
        return recipe;
    }

    /** The data a run of {@code recipe} trains and is evaluated on; errors here come before the run folder exists. */
    protected abstract D data(R recipe, TrainOptions options);

    /**
     * Trains and evaluates one run: builds the model, fits it with {@link RunSession#fit}, then (unless
     * stopped) evaluates, saves the model and writes the report.
     *
     * @param checkpoint where to continue from; null for a new run
     */
    protected abstract TrainingResult train(RunSession session, R recipe, D data, Path checkpoint) throws IOException;

    /** The recipe a run of this project with {@code options} trains with. */
    public final R recipe(TrainOptions options) {
        if (options.model() != null && !models().contains(options.model())) {
            throw new DlforgeException("project " + info().id() + " has no model '" + options.model() + "'",
                    "choose one of: " + String.join(", ", models()));
        }
        return validated(Recipes.apply(defaults(options), options, recipeOptions(), info().id()));
    }

    /** The recipe run {@code run} was trained with. */
    public final R recipeOf(RunDir run) {
        return RecipeJson.read(run.info().recipe(), recipeType(), "run " + run.id());
    }

    @Override
    public RunDir train(TrainOptions options) {
        return start(recipe(options), options);
    }

    /**
     * A run of an explicit recipe, checked first ({@link #validated}): for a setting no train option
     * reaches (e.g. {@code dlforge rag eval --synonym-rate}); the options give the data, folder and console.
     */
    public final RunDir train(TrainOptions options, R recipe) {
        return start(validated(recipe), options);
    }

    private RunDir start(R recipe, TrainOptions options) {
        D data = data(recipe, options);
        RunDir run = new RunStore(DlforgeHome.current()).create(info().id(), RecipeJson.write(recipe), options.outDir());
        return execute(run, recipe, data, null, options);
    }

    /** Runs {@code recipe} in {@code run} (new, or resumed from {@code checkpoint}) to its end. */
    final RunDir execute(RunDir run, R recipe, D data, Path checkpoint, TrainOptions options) {
        try {
            if (options.listener() instanceof RunListener listener) {
                listener.onRun(run);
            }
            TrainingResult result = train(new RunSession(run, options), recipe, data, checkpoint);
            options.console().println("run: " + run.path());
            if (result.stopped()) {
                return run;
            }
            run.writeMetrics(result.metrics());
            run.writeInfo(run.info().with(RunInfo.COMPLETED, result.metrics(), result.note()));
            options.console().println(MetricText.line(result.metrics()));
            if (Files.isRegularFile(run.report())) {
                options.console().println("report: " + run.report());
            }
            return run;
        } catch (IOException | RuntimeException e) {
            throw RunFailure.record(run, info().id(), e);
        }
    }
}
