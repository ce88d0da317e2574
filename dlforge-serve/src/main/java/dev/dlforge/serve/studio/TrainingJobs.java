package dev.dlforge.serve.studio;

import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.train.EpochRecord;
import dev.dlforge.core.train.StopSignal;
import dev.dlforge.core.train.TrainingListener;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.TrainableProject;
import dev.dlforge.serve.api.ApiError;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Training started from the studio: one job at a time (the machine's cores are all it needs), run
 * on its own thread through the same project code as {@code dlforge train}, its progress published
 * as events. When a run completes, {@code onCompleted} lets the studio serve the new model.
 */
public final class TrainingJobs {
    private static final long BATCH_EVENT_INTERVAL_NANOS = 200_000_000L;
    private final EventHub hub;
    private final PrintStream console;
    private final Consumer<RunDir> onCompleted;
    private volatile Job current;
    private volatile StopSignal stop;
    private Thread thread;

    /** What the studio shows of a job. {@code status}: running, completed, stopped or failed. */
    public record Job(String id, String project, TrainRequest request, String status, String run, String message) {
        Job with(String newStatus, String newRun, String newMessage) {
            return new Job(id, project, request, newStatus, newRun, newMessage);
        }
    }

    public TrainingJobs(EventHub hub, PrintStream console, Consumer<RunDir> onCompleted) {
        this.hub = hub;
        this.console = console;
        this.onCompleted = onCompleted;
    }

    /** The running job, or the last one, or null. */
    public Job current() {
        return current;
    }

    public synchronized Job start(TrainableProject project, TrainRequest request) {
        if (current != null && "running".equals(current.status())) {
            throw new ApiError(409, "a " + current.project() + " run is already training", "wait for it, or stop it first");
        }
        Job job = new Job(UUID.randomUUID().toString(), project.info().id(), request, "running", null, "");
        StopSignal signal = new StopSignal();
        TrainOptions options = new TrainOptions(request.model(), request.dataset(), null, request.epochs(), request.batchSize(),
                request.learningRate(), request.limit(), request.seed(), null, console, signal, new Progress(job.id()));
        current = job;
        stop = signal;
        hub.reset();
        hub.publish(event("job", job.id(), Map.of("job", job)));
        thread = new Thread(() -> run(project, options, job), "dlforge-studio-train");
        thread.setDaemon(true);
        thread.start();
        return job;
    }

    /** Asks the running job to stop after its current batch (it writes a checkpoint and can be resumed). */
    public synchronized Job stop() {
        if (current == null || !"running".equals(current.status())) {
            throw new ApiError(409, "nothing is training", "start a run first");
        }
        stop.request();
        return current;
    }

    /** Waits for the running job to end (tests, shutdown). */
    public void await(long millis) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join(millis);
        }
    }

    private void run(TrainableProject project, TrainOptions options, Job job) {
        Job end;
        try {
            RunDir run = project.train(options);
            String status = run.info().status();
            end = job.with(status, run.id(), run.info().message());
            if ("completed".equals(status)) {
                onCompleted.accept(run);
            }
        } catch (RuntimeException e) {
            end = job.with("failed", null, String.valueOf(e.getMessage()));
            console.println("studio: training " + job.project() + " failed: " + e.getMessage());
        }
        current = end;
        hub.publish(event("end", job.id(), Map.of("job", end)));
    }

    private static Map<String, Object> event(String type, String job, Map<String, Object> fields) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("jobId", job);
        e.putAll(fields);
        return e;
    }

    /**
     * Turns the trainer's callbacks into events; batch events at most five times a second. In a
     * run comparing several models, batch and epoch events carry the model they belong to
     * ({@code model}, {@code modelRole}), so that a live curve is not read as the served model's.
     */
    private final class Progress implements TrainingListener {
        private final String job;
        private long lastBatchEvent;
        private volatile Map<String, Object> model = Map.of();

        Progress(String job) {
            this.job = job;
        }

        @Override
        public void onModel(String name, String role) {
            model = Map.of("model", name, "modelRole", role);
            hub.publish(event("model", job, model));
        }

        @Override
        public void onEpochStart(int epoch, int epochs, int batches, int firstBatch) {
            hub.publish(event("epoch_start", job, Map.of("epoch", epoch + 1, "epochs", epochs, "batches", batches)));
        }

        @Override
        public void onBatch(BatchProgress p) {
            long now = System.nanoTime();
            if (now - lastBatchEvent < BATCH_EVENT_INTERVAL_NANOS && p.batch() + 1 < p.batches()) {
                return;
            }
            lastBatchEvent = now;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", p.epoch() + 1);
            e.put("epochs", p.epochs());
            e.put("batch", p.batch() + 1);
            e.put("batches", p.batches());
            e.put("step", p.step());
            e.put("totalSteps", p.totalSteps());
            e.put("learningRate", p.learningRate());
            e.put("examplesPerSecond", p.examplesPerSecond());
            e.put("metrics", p.runningMeans());
            e.putAll(model);
            hub.publish(event("batch", job, e));
        }

        @Override
        public void onEpochEnd(EpochRecord record, boolean best) {
            Map<String, Object> e = new LinkedHashMap<>(Map.of("epoch", record.epoch(), "seconds", record.seconds(), "metrics",
                    record.metrics(), "best", best));
            e.putAll(model);
            hub.publish(event("epoch", job, e));
        }
    }
}
