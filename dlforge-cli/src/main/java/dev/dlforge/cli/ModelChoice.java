package dev.dlforge.cli;

import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;

/**
 * The line {@code predict} and {@code eval} print (on stderr, so stdout stays parseable) saying
 * whose model answers: with several runs per project, a result is only meaningful with its run.
 */
final class ModelChoice {
    private ModelChoice() {}

    static String describe(RunDir run) {
        RunInfo info = run.info();
        return "using run " + info.project() + "/" + run.id() + " (" + info.status() + ", " + run.path() + ")";
    }
}
