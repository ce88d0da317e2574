package dev.dlforge.serve.studio;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.MemoryRelease;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.train.EpochRecord;
import dev.dlforge.core.train.StopSignal;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.kit.RunListener;
import dev.dlforge.projects.Resumes;
import dev.dlforge.projects.Trains;
import dev.dlforge.serve.api.ApiError;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /** Starts a new run of {@code project}; 409 while another job runs. */
    public synchronized Job start(Trains project, TrainRequest request) {
        refuseWhileRunning();
        Job job = new Job(UUID.randomUUID().toString(), project.info().id(), request, "running", null, "");
        TrainOptions options = new TrainOptions(request.model(), request.dataset(), null, request.epochs(), request.batchSize(),
                request.learningRate(), request.limit(), request.seed(), null, console, new StopSignal(), new Progress(job.id()));
        return launch(job, options, () -> project.train(options));
    }

    /**
     * Continues {@code run} (stopped, interrupted or failed) from its newest checkpoint with its own
     * recipe, as {@code dlforge train --resume RUN} does; 409 while another job runs or when the run
     * cannot be resumed.
     */
    public synchronized Job resume(Resumes project, RunDir run) {
        refuseWhileRunning();
        RunInfo info = run.info();
        if (RunInfo.RUNNING.equals(info.status())) {
            String where = info.owner() == null ? "another process" : "process " + info.owner().pid();
            throw new ApiError(409, "run " + info.id() + " is still training in " + where,
                    "let it finish, or stop it there (Ctrl-C) and then resume it here");
        }
        if (!info.canResume()) {
            throw new ApiError(409, "run " + info.id() + " is " + info.status() + ": there is nothing to resume",
                    "start a new run, or train it further with `dlforge train --resume " + info.id() + " --epochs N`");
        }
        Job job = new Job(UUID.randomUUID().toString(), info.project(), new TrainRequest(info.project(), null, null, null, null, null, null,
                null), "running", info.id(), "resuming " + info.status() + " run " + info.id());
        TrainOptions options = TrainOptions.defaults(console).withListener(new Progress(job.id()));
        return launch(job, options, () -> project.resume(run, options));
    }

    /** The one-at-a-time rule: the refusal says which run trains and what to do. */
    private void refuseWhileRunning() {
        Job running = current;
        if (running != null && "running".equals(running.status())) {
            String run = running.run() != null ? running.run() : "whose folder is being created";
            throw new ApiError(409, "a " + running.project() + " run is already training (run " + run + "); one training at a time",
                    "wait for it to end, or stop it (Stop, or POST /studio/api/train/stop) and start again");
        }
    }

    private Job launch(Job job, TrainOptions options, Supplier<RunDir> training) {
        current = job;
        stop = options.stop();
        hub.reset();
        hub.publish(event("job", job.id(), Map.of("job", job)));
        thread = new Thread(() -> run(training, job), "dlforge-studio-train");
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

    private void run(Supplier<RunDir> training, Job job) {
        Job end;
        try {
            RunDir run = training.get();
            String status = run.info().status();
            end = job.with(status, run.id(), run.info().message());
            if ("completed".equals(status)) {
                onCompleted.accept(run);
            }
        } catch (RuntimeException e) {
            // The user's mistake says what to change; a bug says so, with its run and error.log (RunFailure).
            String message = e instanceof DlforgeException d && !d.hint().isEmpty() ? d.getMessage() + " (" + d.hint() + ")" : String.valueOf(e.getMessage());
            end = job.with("failed", current.run(), message); // the run the trainer named, if it got that far
            console.println("studio: training " + job.project() + " failed: " + message);
        }
        releaseMemory();
        current = end;
        hub.publish(event("end", job.id(), Map.of("job", end)));
    }

    /**
     * Gives what the run freed back to the system before the job counts as ended, so that a studio
     * running one training after another stays at the size of one (see MemoryRelease).
     */
    private void releaseMemory() {
        MemoryRelease.Released r = MemoryRelease.afterJob();
        console.printf(Locale.ROOT, "studio: memory after the run: %,.0f MB -> %,.0f MB resident%n", r.rssBeforeMb(), r.rssAfterMb());
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
    private final class Progress implements RunListener {
        private final String job;
        private long lastBatchEvent;
        private volatile Map<String, Object> model = Map.of();

        Progress(String job) {
            this.job = job;
        }

        /** The job names its run as soon as the lifecycle has it (the refusal of a second job, the events). */
        @Override
        public void onRun(RunDir run) {
            synchronized (TrainingJobs.this) {
                if (current != null && current.id().equals(job)) {
                    current = current.with(current.status(), run.id(), current.message());
                    hub.publish(event("job", job, Map.of("job", current)));
                }
            }
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
