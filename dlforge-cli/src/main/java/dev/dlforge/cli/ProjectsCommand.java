package dev.dlforge.cli;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Project;
import dev.dlforge.projects.TrainableProject;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "projects", mixinStandardHelpOptions = true,
        description = "List the roadmap's projects: level, what each teaches, and whether it is built or trained.")
final class ProjectsCommand implements Runnable {
    @ParentCommand
    Dlforge root;

    @Spec
    CommandSpec spec;

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
            root.out.printf(Locale.ROOT, "  %-10s %s  %-22s %s%n", info.id(), info.level(), status(p, runs, spec.root()), info.title());
            root.out.printf(Locale.ROOT, "  %-10s    %-22s teaches: %s%n", "", "", info.teaches());
            root.out.printf(Locale.ROOT, "  %-10s    %-22s data:    %s%n", "", "", info.offlineSource());
        }
        root.out.println("\nTrain one with `dlforge train ID`; `dlforge train --help` lists the options.");
    }

    /**
     * A planned project whose id is a dlforge command (chat, serve) says so; a built one shows its
     * best headline figure over its runs, else what it has ready (rag's indexes), else "not trained".
     */
    static String status(Project p, List<RunInfo> runs, CommandSpec dlforge) {
        if (!(p instanceof TrainableProject t)) {
            return dlforge.subcommands().containsKey(p.info().id()) ? "command: dlforge " + p.info().id() : "planned";
        }
        TrainableProject.Headline headline = t.headline();
        double best = Double.NaN;
        for (RunInfo info : runs) {
            Double value = info.project().equals(p.info().id()) && info.metrics() != null ? info.metrics().get(headline.metric()) : null;
            if (value != null && (Double.isNaN(best) || (headline.higherIsBetter() ? value > best : value < best))) {
                best = value;
            }
        }
        if (!Double.isNaN(best)) {
            return String.format(Locale.ROOT, "trained: %.4f", best); // the project's headline metric
        }
        String ready = p.readyBesidesRuns();
        return ready.isEmpty() ? "built, not trained" : ready;
    }
}
