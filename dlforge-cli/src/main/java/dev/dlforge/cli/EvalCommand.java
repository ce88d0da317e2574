package dev.dlforge.cli;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.MetricText;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Evaluates;
import dev.dlforge.projects.TrainOptions;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a run's saved model on its test set again.")
final class EvalCommand implements Runnable {
    @ParentCommand
    Dlforge root;

    @Parameters(paramLabel = ModelChoice.RUN_LABEL, description = ModelChoice.RUN_HELP)
    String run;

    @Mixin
    ModelChoice choice;

    @Option(names = "--data", paramLabel = "DIR", description = "folder holding the dataset's files; default: the dataset cache under $DLFORGE_HOME")
    Path data;

    @Option(names = "--json", description = "print the metrics as JSON")
    boolean json;

    @Override
    public void run() {
        RunDir dir = choice.resolve(new RunStore(DlforgeHome.current()), run, root.err);
        TrainOptions options = TrainOptions.defaults(root.out).withData(data);
        Map<String, Double> metrics = Catalogue.standard().capable(dir.info().project(), Evaluates.class).evaluate(dir, options);
        if (json) {
            root.out.println(Json.write(metrics));
        } else {
            root.out.println("run: " + dir.path());
            metrics.forEach((k, v) -> root.out.println(k + " " + MetricText.value(v)));
        }
    }
}
