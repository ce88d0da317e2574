package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.serve.ModelServer;
import dev.dlforge.serve.model.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve models over HTTP with dynamic batching: POST /v1/models/NAME/predict, GET /v1/models, /health, /metrics,"
                + " /openapi.json. Runs until Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Dlforge root;

    @Parameters(arity = "1..*", paramLabel = "[NAME=]RUN_OR_MODEL",
            description = "a run (folder, id, or project for its newest completed run) or a model folder; served as NAME (default: its project)")
    List<String> models;

    @Mixin
    ServerOptions options;

    @Override
    public Integer call() throws InterruptedException {
        RunStore runs = new RunStore(DlforgeHome.current());
        Map<String, Path> served = new LinkedHashMap<>();
        for (String arg : models) {
            int eq = arg.indexOf('=');
            Path dir = modelDir(runs, eq < 0 ? arg : arg.substring(eq + 1));
            String name = eq < 0 ? ModelArtifact.readCard(dir).project() : arg.substring(0, eq);
            if (served.put(ModelRegistry.checkedName(name), dir) != null) {
                throw new DlforgeException("two models would be served as '" + name + "'", "name them: NAME=RUN, e.g. " + name + "-2=" + arg);
            }
        }
        try (ModelServer server = ModelServer.start(options.config(root.err), served)) {
            served.forEach((name, dir) -> root.out.println("serving " + name + " (" + dir + ")"));
            root.out.println("dlforge serve: " + server.http().url() + "  (POST /v1/models/NAME/predict; Ctrl-C to stop)");
            Servers.awaitShutdown();
        }
        return 0;
    }

    /** A model folder as given, or the model of a run named any way the run store understands. */
    private static Path modelDir(RunStore runs, String ref) {
        Path asPath = Path.of(ref);
        if (Files.isRegularFile(asPath.resolve("model.json"))) {
            return asPath.toAbsolutePath();
        }
        Path model = runs.resolveModel(ref).model();
        if (!Files.isRegularFile(model.resolve("model.json"))) {
            throw new DlforgeException("run " + ref + " has no trained model yet (" + model + ")",
                    "let it finish, or resume it with `dlforge train --resume " + ref + "`");
        }
        return model;
    }
}
