package dev.dlforge.serve;

import dev.dlforge.core.run.RunDir;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;

/** A real API server on loopback serving one run's model as {@code name}, for tests and benchmarks. */
public record ServedApi(DlforgeServer server, ModelRegistry registry, Http http) implements AutoCloseable {

    public static ServedApi start(ServeConfig config, String name, RunDir run) {
        Catalogue catalogue = Catalogue.standard();
        ServeMetrics metrics = new ServeMetrics();
        ModelRegistry registry = new ModelRegistry(catalogue, config.batching(), metrics);
        registry.declare(name, run.model());
        registry.loadAll();
        DlforgeServer server = DlforgeServer.start(config, registry, catalogue, metrics, null);
        return new ServedApi(server, registry, Http.to(server.url()));
    }

    @Override
    public void close() {
        server.close();
        registry.close();
    }
}
