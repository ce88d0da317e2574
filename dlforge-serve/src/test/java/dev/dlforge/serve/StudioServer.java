package dev.dlforge.serve;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;
import dev.dlforge.serve.studio.Studio;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** A real studio server on a free loopback port over the test home's runs, as `dlforge studio` starts one. */
public record StudioServer(ModelRegistry registry, Studio studio, DlforgeServer server) implements AutoCloseable {

    public static StudioServer start() {
        return start(new PrintStream(new ByteArrayOutputStream()));
    }

    /** As {@link #start()}, the studio printing to {@code console}. */
    public static StudioServer start(PrintStream console) {
        Catalogue catalogue = Catalogue.standard();
        ServeMetrics metrics = new ServeMetrics();
        ServeConfig config = ServeConfig.local(0);
        ModelRegistry registry = new ModelRegistry(catalogue, config.batching(), metrics);
        Studio studio = new Studio(catalogue, new RunStore(DlforgeHome.current()), registry, console);
        return new StudioServer(registry, studio, DlforgeServer.start(config, registry, catalogue, metrics, studio));
    }

    @Override
    public void close() {
        server.close();
        studio.close();
        registry.close();
    }
}
