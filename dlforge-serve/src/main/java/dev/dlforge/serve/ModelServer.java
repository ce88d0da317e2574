package dev.dlforge.serve;

import dev.dlforge.projects.Catalogue;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;
import java.nio.file.Path;
import java.util.Map;

/** {@code dlforge serve}: the API for a fixed set of models, all loaded before it listens. */
public record ModelServer(DlforgeServer http, ModelRegistry registry) implements AutoCloseable {

    /** Serves each model folder under its name; a model that cannot load fails here, not at its first request. */
    public static ModelServer start(ServeConfig config, Map<String, Path> models) {
        Catalogue catalogue = Catalogue.standard();
        ServeMetrics metrics = new ServeMetrics();
        ModelRegistry registry = new ModelRegistry(catalogue, config.batching(), metrics);
        try {
            models.forEach((name, dir) -> registry.declare(ModelRegistry.checkedName(name), dir));
            registry.loadAll();
            return new ModelServer(DlforgeServer.start(config, registry, catalogue, metrics, null), registry);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    @Override
    public void close() {
        http.close();
        registry.close();
    }
}
