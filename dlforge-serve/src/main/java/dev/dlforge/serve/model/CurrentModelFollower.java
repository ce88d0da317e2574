package dev.dlforge.serve.model;

import dev.dlforge.core.run.CurrentModel;
import dev.dlforge.core.run.RunStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the names that stand for a project (the studio's demos, {@code dlforge serve digits}) on that
 * project's {@link CurrentModel}: it looks at the run store every {@code interval} and, when a newer
 * run completes (from the CLI, the studio or another machine sharing the home) or the user pins
 * another, declares the new model folder. Requests queued for the old model are still answered by it
 * (see {@link ModelRegistry#declare}); the next ones get the new one.
 */
public final class CurrentModelFollower implements AutoCloseable {
    private final RunStore store;
    private final ModelRegistry registry;
    private final Map<String, String> projectOfName;
    private final Consumer<String> log;
    private final ScheduledExecutorService timer;

    /**
     * @param projectOfName served name to the project whose current model it follows
     * @param log told one line when a name changes run
     */
    public CurrentModelFollower(RunStore store, ModelRegistry registry, Map<String, String> projectOfName, Duration interval,
            Consumer<String> log) {
        this.store = store;
        this.registry = registry;
        this.projectOfName = new LinkedHashMap<>(projectOfName);
        this.log = log;
        refresh();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dlforge-current-model");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Declares each followed name's current model now, if it changed; returns the names that changed. */
    public synchronized Map<String, CurrentModel> refresh() {
        Map<String, CurrentModel> current = store.currentModels();
        Map<String, CurrentModel> changed = new LinkedHashMap<>();
        projectOfName.forEach((name, project) -> {
            CurrentModel model = current.get(project);
            if (model == null) {
                return; // nothing to serve yet; a name already served keeps its model rather than vanish
            }
            Path dir = model.run().model();
            Optional<Path> served = registry.modelDir(name);
            if (served.isEmpty() || !served.get().equals(dir)) {
                registry.declare(name, dir);
                changed.put(name, model);
                if (served.isPresent()) {
                    log.accept(name + " now answers with run " + model.ref() + " (" + model.why() + ")");
                }
            }
        });
        return changed;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.accept("could not look for newer runs: " + e.getMessage()); // the next look may succeed; serving goes on
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
