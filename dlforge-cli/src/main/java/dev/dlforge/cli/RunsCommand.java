package dev.dlforge.cli;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.CurrentModel;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "runs", mixinStandardHelpOptions = true, description = {"List training runs with their status and test accuracy.",
                "A run whose process was killed (kill -9, a crash, a reboot) shows as interrupted, with the command that resumes it.",
                "* marks each project's current model: the run `dlforge runs pin` chose (pinned), else the newest completed run."},
        subcommands = {RunsPinCommand.Pin.class, RunsPinCommand.Unpin.class})
final class RunsCommand implements Runnable {
    @ParentCommand
    Dlforge root;

    @Parameters(paramLabel = "PROJECT", arity = "0..1", description = "only this project's runs")
    String project;

    @Override
    public void run() {
        RunStore store = new RunStore(DlforgeHome.current());
        List<RunDir> runs = store.list().stream().filter(r -> project == null || r.info().project().equals(project)).toList();
        if (runs.isEmpty() && project != null) {
            Catalogue.standard().get(project); // an unknown id is an error naming the closest project
            root.out.println("no runs of " + project + " yet under " + DlforgeHome.current().runs() + "; start one with `dlforge train "
                    + project + "`");
            return;
        }
        if (runs.isEmpty()) {
            root.out.println("no runs yet under " + DlforgeHome.current().runs() + "; start one with `dlforge train PROJECT`");
            return;
        }
        Map<String, CurrentModel> current = store.currentModels();
        root.out.printf(Locale.ROOT, "  %-28s %-20s %-8s %-8s %s%n", "RUN", "STATUS", "MODEL", "TEST ACC", "FOLDER");
        for (RunDir r : runs) {
            RunInfo info = r.info();
            CurrentModel answering = current.get(info.project());
            boolean isCurrent = answering != null && answering.run().equals(r);
            root.out.print(isCurrent ? "* " : "  ");
            Double acc = info.metrics() == null ? null : info.metrics().get("test_accuracy");
            String model = info.recipe() != null && info.recipe().has("model") ? info.recipe().get("model").asText() : "";
            String status = isCurrent && answering.pinned() ? info.status() + " (pinned)" : info.status();
            root.out.printf(Locale.ROOT, "%-28s %-20s %-8s %-8s %s%n", info.project() + "/" + info.id(), status, model,
                    acc == null ? "-" : String.format(Locale.ROOT, "%.4f", acc), r.path());
            if (RunInfo.INTERRUPTED.equals(info.status())) {
                root.out.println("  " + info.message());
            }
        }
    }
}
