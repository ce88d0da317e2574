package dev.dlforge.cli;

import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import java.io.PrintStream;

/**
 * The run whose model {@code predict} and {@code eval} use. When the user named a project rather than
 * a run, dlforge picks its current model and says which on stderr (stdout stays parseable, e.g. eval
 * --json): with several runs per project a result means little without its run.
 */
final class ModelChoice {
    private ModelChoice() {}

    static RunDir resolve(RunStore store, String ref, PrintStream err) {
        RunDir run = store.resolveModel(ref);
        if (store.named(ref).isEmpty()) {
            err.println("using run " + run.info().project() + "/" + run.id() + " (" + run.info().status() + ", " + run.path()
                    + "): the newest completed run of " + ref + " with a model");
        }
        return run;
    }
}
