package dev.dlforge.cli;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.CurrentModel;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Project;
import dev.dlforge.projects.RoadmapTable;
import dev.dlforge.projects.Evaluates;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "projects", mixinStandardHelpOptions = true,
        description = "List the roadmap's projects: level, what each teaches, and whether it is built or trained.")
final class ProjectsCommand implements Runnable {
    @ParentCommand
    Dlforge root;

    @Spec
    CommandSpec spec;

    @Option(names = "--markdown", description = "print README's roadmap table instead (drawn from the roadmap file)")
    boolean markdown;

    @Override
    public void run() {
        if (markdown) {
            root.out.print(RoadmapTable.markdown(Catalogue.standard()));
            return;
        }
        Map<String, CurrentModel> current = new RunStore(DlforgeHome.current()).currentModels();
        String section = "";
        for (Project p : Catalogue.standard().all()) {
            var info = p.info();
            if (!info.section().equals(section)) {
                section = info.section();
                root.out.println((section.equals("Vision") ? "" : "\n") + section);
            }
            root.out.printf(Locale.ROOT, "  %-10s %s  %-22s %s%n", info.id(), info.level(), status(p, current.get(info.id()), spec.root()), info.title());
            root.out.printf(Locale.ROOT, "  %-10s    %-22s teaches: %s%n", "", "", info.teaches());
            root.out.printf(Locale.ROOT, "  %-10s    %-22s data:    %s%n", "", "", info.offlineSource());
        }
        root.out.println("\nTrain one with `dlforge train ID`; `dlforge train --help` lists the options.");
    }

    /**
     * A planned project whose id is a dlforge command (chat, serve) says so; a built one shows the
     * headline figure of its current model (the run that answers: see CurrentModel), else what it has
     * ready besides runs (rag's indexes), else "not trained".
     */
    static String status(Project p, CurrentModel current, CommandSpec dlforge) {
        if (!(p instanceof Evaluates t)) {
            return dlforge.subcommands().containsKey(p.info().id()) ? "command: dlforge " + p.info().id() : "planned";
        }
        if (current != null) {
            Double value = current.run().info().metrics() == null ? null : current.run().info().metrics().get(t.headline().metric());
            return "trained" + (value == null ? "" : String.format(Locale.ROOT, ": %.4f", value)) + (current.pinned() ? " (pinned)" : "");
        }
        String ready = p.readyBesidesRuns();
        return ready.isEmpty() ? "built, not trained" : ready;
    }
}
