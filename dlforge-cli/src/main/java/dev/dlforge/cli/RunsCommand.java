package dev.dlforge.cli;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunStore;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "runs", mixinStandardHelpOptions = true, description = {"List training runs with their status and test accuracy.",
                "A run whose process was killed (kill -9, a crash, a reboot) shows as interrupted, with the command that resumes it."})
final class RunsCommand implements Runnable {
    @ParentCommand
    Dlforge root;

    @Parameters(paramLabel = "PROJECT", arity = "0..1", description = "only this project's runs")
    String project;

    @Override
    public void run() {
        RunStore store = new RunStore(DlforgeHome.current());
        List<RunDir> runs = store.list().stream().filter(r -> project == null || r.info().project().equals(project)).toList();
        if (runs.isEmpty()) {
            root.out.println("no runs yet under " + DlforgeHome.current().runs() + "; start one with `dlforge train PROJECT`");
            return;
        }
        root.out.printf(Locale.ROOT, "%-28s %-12s %-8s %-8s %s%n", "RUN", "STATUS", "MODEL", "TEST ACC", "FOLDER");
        for (RunDir r : runs) {
            RunInfo info = r.info();
            Double acc = info.metrics() == null ? null : info.metrics().get("test_accuracy");
            String model = info.recipe() != null && info.recipe().has("model") ? info.recipe().get("model").asText() : "";
            root.out.printf(Locale.ROOT, "%-28s %-12s %-8s %-8s %s%n", info.project() + "/" + info.id(), info.status(), model,
                    acc == null ? "-" : String.format(Locale.ROOT, "%.4f", acc), r.path());
            if (RunInfo.INTERRUPTED.equals(info.status())) {
                root.out.println("  " + info.message());
            }
        }
    }
}
