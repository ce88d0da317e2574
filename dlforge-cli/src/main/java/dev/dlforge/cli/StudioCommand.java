package dev.dlforge.cli;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.serve.DlforgeServer;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;
import dev.dlforge.serve.studio.Studio;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "studio", mixinStandardHelpOptions = true,
        description = {"Open the web studio: every project as a card, training with live curves, run comparison, reports,"
                + " and a demo of each trained model. It serves the same HTTP API as `dlforge serve`. Runs until Ctrl-C."})
final class StudioCommand implements Callable<Integer> {
    @ParentCommand
    Dlforge root;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws InterruptedException {
        ServeConfig config = server.config(root.err);
        Catalogue catalogue = Catalogue.standard();
        ServeMetrics metrics = new ServeMetrics();
        try (ModelRegistry registry = new ModelRegistry(catalogue, config.batching(), metrics);
                Studio studio = new Studio(catalogue, new RunStore(DlforgeHome.current()), registry, root.out);
                DlforgeServer http = DlforgeServer.start(config, registry, catalogue, metrics, studio)) {
            root.out.println("dlforge studio: " + http.url() + "/studio/  (Ctrl-C to stop)");
            Servers.awaitShutdown();
        }
        return 0;
    }
}
