package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.run.CurrentModel;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/**
 * Which run's model a command uses ({@code predict}, {@code eval}, {@code serve}, {@code generate},
 * {@code chat}), as a mixin: a project id means its current model (the pinned run, else the newest
 * completed one: see CurrentModel), {@code --run ID} or a run named in place of the project means
 * that run. The command says which run it used, and why, on stderr (stdout stays parseable, e.g.
 * {@code eval --json}): with several runs per project a result means little without its run.
 */
final class ModelChoice {
    static final String RUN_LABEL = "PROJECT|RUN";
    static final String RUN_HELP = "a project (its current model: the run pinned with `dlforge runs pin`, else the newest completed run)"
            + ", or a run id, project/run-id or run folder";

    @Option(names = "--run", paramLabel = "ID", description = "use this run of the project (run id, project/run-id or folder) instead of"
            + " its current model; default: the current model")
    String run;

    /** The run for {@code ref} (and {@code --run}), after telling {@code err} which it is. */
    RunDir resolve(RunStore store, String ref, PrintStream err) {
        RunDir chosen;
        String why;
        if (run != null) {
            String project = store.named(ref).map(r -> r.info().project()).orElse(ref);
            chosen = store.runOf(project, run);
            if (!chosen.info().project().equals(project)) {
                throw new DlforgeException("run " + chosen.id() + " belongs to project " + chosen.info().project() + ", not " + project,
                        "leave out --run, or name the run's own project");
            }
            why = "chosen with --run";
        } else if (store.named(ref).isPresent()) {
            chosen = store.named(ref).get();
            why = "named";
        } else {
            Catalogue catalogue = Catalogue.standard();
            if (store.runsOf(ref).isEmpty() && !catalogue.has(ref)) {
                throw catalogue.unknown(ref, "run or project", "; `dlforge runs` lists the runs");
            }
            CurrentModel current = store.requireCurrentModel(ref);
            chosen = current.run();
            why = "the current model of " + ref + ": " + current.why();
        }
        err.println("using run " + chosen.info().project() + "/" + chosen.id() + " (" + chosen.info().status() + ", " + why + "; "
                + chosen.path() + ")");
        return chosen;
    }

    /** Whether {@code ref} stands for a project's current model (so a server may follow it), rather than a fixed run. */
    boolean followsCurrentModel(RunStore store, String ref) {
        return run == null && store.named(ref).isEmpty();
    }
}
