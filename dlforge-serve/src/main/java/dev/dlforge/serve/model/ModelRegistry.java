package dev.dlforge.serve.model;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Serves;
import dev.dlforge.projects.serving.Predictor;
import dev.dlforge.serve.batch.BatchingConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models a server answers for, by name. A name is declared with a model folder and loaded on
 * first use (or at once with {@link #loadAll}); declaring a new folder for a name (the studio, when a
 * run finishes) swaps the model: requests already queued are answered by the old one.
 */
public final class ModelRegistry implements AutoCloseable {
    private final Catalogue catalogue;
    private final BatchingConfig batching;
    private final ServeMetrics metrics;
    private final Map<String, Path> declared = new LinkedHashMap<>();
    private final Map<String, ServedModel<?, ?>> loaded = new ConcurrentHashMap<>();

    public ModelRegistry(Catalogue catalogue, BatchingConfig batching, ServeMetrics metrics) {
        this.catalogue = catalogue;
        this.batching = batching;
        this.metrics = metrics;
    }

    /** Serves {@code modelDir} as {@code name}, replacing what the name served before. */
    public synchronized void declare(String name, Path modelDir) {
        Path previous = declared.put(name, modelDir);
        if (previous != null && !previous.equals(modelDir)) {
            ServedModel<?, ?> old = loaded.remove(name);
            if (old != null) {
                old.close();
            }
        }
    }

    public synchronized List<String> names() {
        return new ArrayList<>(declared.keySet());
    }

    public synchronized Optional<Path> modelDir(String name) {
        return Optional.ofNullable(declared.get(name));
    }

    /** The id of the run whose model {@code name} serves: the model folder's run, if it lies in one. */
    public Optional<String> run(String name) {
        return modelDir(name).flatMap(ModelRegistry::runOf);
    }

    private static Optional<String> runOf(Path modelDir) {
        Path parent = modelDir.getParent();
        return parent != null && Files.isRegularFile(parent.resolve("run.json")) ? Optional.of(parent.getFileName().toString())
                : Optional.empty();
    }

    /** The loaded model, if it has been used. */
    public Optional<ServedModel<?, ?>> loadedModel(String name) {
        return Optional.ofNullable(loaded.get(name));
    }

    /** The model served as {@code name}, loading it on first use; empty for an unknown name. */
    public Optional<ServedModel<?, ?>> get(String name) {
        ServedModel<?, ?> model = loaded.get(name);
        if (model != null) {
            return Optional.of(model);
        }
        synchronized (this) {
            Path dir = declared.get(name);
            if (dir == null) {
                return Optional.empty();
            }
            return Optional.of(loaded.computeIfAbsent(name, n -> load(n, dir)));
        }
    }

    /** Loads every declared model now, so that a broken one fails at startup, not at its first request. */
    public void loadAll() {
        for (String name : names()) {
            get(name);
        }
    }

    /** The card of a declared model, loaded or not. */
    public ModelCard card(String name) {
        return loadedModel(name).<ModelCard>map(ServedModel::card).orElseGet(() -> ModelArtifact.readCard(declared.get(name)));
    }

    private ServedModel<?, ?> load(String name, Path dir) {
        ModelCard card = ModelArtifact.readCard(dir);
        Predictor<?, ?> predictor = catalogue.capable(card.project(), Serves.class).predictor(dir);
        ServedModel<?, ?> model = new ServedModel<>(name, predictor, batching, metrics.batchObserver(name), runOf(dir).orElse(null));
        metrics.watchQueue(name, model::queueDepth);
        return model;
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(ServedModel::close);
        loaded.clear();
    }

    /** Checks that a name can appear in a URL path as it is. */
    public static String checkedName(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new DlforgeException("model name '" + name + "' is not allowed", "use letters, digits, '.', '_' and '-' (at most 64)");
        }
        return name;
    }
}
