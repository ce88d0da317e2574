package dev.dlforge.serve;

import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.CurrentModelFollower;
import dev.dlforge.serve.model.ModelRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code dlforge serve}: the API for a set of models, all loaded before it listens. A name given as a
 * project id follows that project's current model (see CurrentModel): a run completed later, or a
 * pin, is served without a restart.
 */
public final class ModelServer implements AutoCloseable {
    private static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(2);
    private final DlforgeServer http;
    private final ModelRegistry registry;
    private final CurrentModelFollower follower;

    private ModelServer(DlforgeServer http, ModelRegistry registry, CurrentModelFollower follower) {
        this.http = http;
        this.registry = registry;
        this.follower = follower;
    }

    /** Serves each model folder under its name, fixed; a model that cannot load fails here, not at its first request. */
    public static ModelServer start(ServeConfig config, Map<String, Path> models) {
        return start(config, models, Map.of(), null, line -> {});
    }

    /**
     * As {@link #start(ServeConfig, Map)}, and the names in {@code follow} (name to project) track
     * their project's current model in {@code store}; {@code log} hears of each change.
     */
    public static ModelServer start(ServeConfig config, Map<String, Path> models, Map<String, String> follow, RunStore store,
            Consumer<String> log) {
        Catalogue catalogue = Catalogue.standard();
        ServeMetrics metrics = new ServeMetrics();
        ModelRegistry registry = new ModelRegistry(catalogue, config.batching(), metrics);
        CurrentModelFollower follower = null;
        try {
            models.forEach((name, dir) -> registry.declare(ModelRegistry.checkedName(name), dir));
            registry.loadAll();
            if (!follow.isEmpty()) {
                follower = new CurrentModelFollower(store, registry, follow, FOLLOW_INTERVAL, log);
            }
            return new ModelServer(DlforgeServer.start(config, registry, catalogue, metrics, null), registry, follower);
        } catch (RuntimeException e) {
            if (follower != null) {
                follower.close();
            }
            registry.close();
            throw e;
        }
    }

    public DlforgeServer http() {
        return http;
    }

    public ModelRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        if (follower != null) {
            follower.close();
        }
        http.close();
        registry.close();
    }
}
