package dev.dlforge.cli;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Project;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "projects", mixinStandardHelpOptions = true,
        description = "List the roadmap's projects: level, what each teaches, and whether it is built or trained.")
final class ProjectsCommand implements Runnable {
    @ParentCommand
    Dlforge root;

    @Override
    public void run() {
        List<RunInfo> runs = new RunStore(DlforgeHome.current()).list().stream().map(RunDir::info).toList();
        String section = "";
        for (Project p : Catalogue.standard().all()) {
            var info = p.info();
            if (!info.section().equals(section)) {
                section = info.section();
                root.out.println((section.equals("Vision") ? "" : "\n") + section);
            }
            root.out.printf(Locale.ROOT, "  %-10s %s  %-22s %s%n", info.id(), info.level(), status(p, runs), info.title());
            root.out.printf(Locale.ROOT, "  %-10s    %-22s teaches: %s%n", "", "", info.teaches());
            root.out.printf(Locale.ROOT, "  %-10s    %-22s data:    %s%n", "", "", info.offlineSource());
        }
        root.out.println("\nTrain one with `dlforge train ID`; `dlforge train --help` lists the options.");
    }

    private static String status(Project p, List<RunInfo> runs) {
        if (!p.built()) {
            return "planned";
        }
        double best = Double.NaN;
        for (RunInfo info : runs) {
            if (info.project().equals(p.info().id())) {
                Double acc = info.metrics() == null ? null : info.metrics().get("test_accuracy");
                if (acc != null && !(acc <= best)) {
                    best = acc;
                }
            }
        }
        return Double.isNaN(best) ? "built, not trained" : String.format(Locale.ROOT, "trained: %.4f", best);
    }
}
