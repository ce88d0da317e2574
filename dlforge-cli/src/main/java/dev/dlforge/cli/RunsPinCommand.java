package dev.dlforge.cli;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.CurrentModel;
import dev.dlforge.core.run.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dlforge runs pin PROJECT RUN} and {@code runs unpin PROJECT}: choose the run that answers
 * for a project everywhere (predict, eval, serve, generate, chat, the studio's demo) until unpinned.
 */
final class RunsPinCommand {
    private RunsPinCommand() {}

    @Command(name = "pin", mixinStandardHelpOptions = true,
            description = {"Make a completed run the project's current model: predict, eval, serve, generate, chat and the studio's demo",
                    "use it, even when newer runs complete, until `dlforge runs unpin PROJECT`. A running server or studio picks it up."})
    static final class Pin implements Runnable {
        @ParentCommand
        RunsCommand runs;

        @Parameters(index = "0", paramLabel = "PROJECT", description = "project id")
        String project;

        @Parameters(index = "1", paramLabel = "RUN", description = "a completed run of the project: run id, project/run-id or folder")
        String run;

        @Override
        public void run() {
            CurrentModel pinned = new RunStore(DlforgeHome.current()).pin(project, run);
            runs.root.out.println("pinned " + pinned.ref() + ": it now answers for " + project + " (`dlforge runs unpin " + project
                    + "` goes back to the newest completed run)");
        }
    }

    @Command(name = "unpin", mixinStandardHelpOptions = true,
            description = "Let the project's newest completed run answer for it again.")
    static final class Unpin implements Runnable {
        @ParentCommand
        RunsCommand runs;

        @Parameters(index = "0", paramLabel = "PROJECT", description = "project id")
        String project;

        @Override
        public void run() {
            RunStore store = new RunStore(DlforgeHome.current());
            boolean was = store.unpin(project);
            String now = store.currentModel(project).map(m -> "; " + m.ref() + " answers now (" + m.why() + ")")
                    .orElse("; it has no completed run yet");
            runs.root.out.println((was ? "unpinned " + project : project + " had no pinned run") + now);
        }
    }
}
