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

    @Parameters(arity = "1..*", paramLabel = "[NAME=]PROJECT|RUN|MODEL_DIR",
            description = {"what to serve, as NAME (default: its project): a project (its current model, followed: a run that completes"
                    + " or is pinned later is served without a restart), a run (id, project/run-id or folder: fixed), or a model folder"})
    List<String> models;

    @Mixin
    ModelChoice choice;

    @Mixin
    ServerOptions options;

    @Override
    public Integer call() throws InterruptedException {
        if (choice.run != null && models.size() > 1) {
            throw new DlforgeException("--run picks the run of one project, but " + models.size() + " are served",
                    "name each run instead: NAME=RUN, e.g. digits=digits/20261207-081500");
        }
        RunStore runs = new RunStore(DlforgeHome.current());
        Map<String, Path> served = new LinkedHashMap<>();
        Map<String, String> followed = new LinkedHashMap<>();
        for (String arg : models) {
            int eq = arg.indexOf('=');
            String ref = eq < 0 ? arg : arg.substring(eq + 1);
            Path dir = modelDir(runs, ref);
            String name = eq < 0 ? ModelArtifact.readCard(dir).project() : arg.substring(0, eq);
            if (served.put(ModelRegistry.checkedName(name), dir) != null) {
                throw new DlforgeException("two models would be served as '" + name + "'", "name them: NAME=RUN, e.g. " + name + "-2=" + arg);
            }
            if (!isModelFolder(ref) && choice.followsCurrentModel(runs, ref)) {
                followed.put(name, ref);
            }
        }
        try (ModelServer server = ModelServer.start(options.config(root.err), served, followed, runs,
                line -> root.out.println("dlforge serve: " + line))) {
            served.forEach((name, dir) -> root.out.println("serving " + name + " (" + dir + ")"
                    + (followed.containsKey(name) ? "; follows " + followed.get(name) + "'s current model" : "")));
            root.out.println("dlforge serve: " + server.http().url() + "  (POST /v1/models/NAME/predict; Ctrl-C to stop)");
            Servers.awaitShutdown();
        }
        return 0;
    }

    private static boolean isModelFolder(String ref) {
        return Files.isRegularFile(Path.of(ref).resolve("model.json"));
    }

    /** A model folder as given, or the model of a run chosen as {@code predict} chooses one. */
    private Path modelDir(RunStore runs, String ref) {
        if (isModelFolder(ref)) {
            return Path.of(ref).toAbsolutePath();
        }
        Path model = choice.resolve(runs, ref, root.err).model();
        if (!Files.isRegularFile(model.resolve("model.json"))) {
            throw new DlforgeException("run " + ref + " has no trained model yet (" + model + ")",
                    "let it finish, or resume it with `dlforge train --resume " + ref + "`");
        }
        return model;
    }
}
