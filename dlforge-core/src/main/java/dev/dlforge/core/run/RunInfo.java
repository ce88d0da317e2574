package dev.dlforge.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code run.json} says of a run.
 *
 * @param id the run's folder name
 * @param project catalogue id, e.g. {@code fashion}
 * @param status {@code running}, {@code stopped}, {@code completed} or {@code failed} as recorded;
 *     {@link RunDir#info()} reports a running run whose process is gone as {@code interrupted}
 * @param created ISO-8601 instant
 * @param updated ISO-8601 instant
 * @param recipe the project's recipe as JSON: everything needed to rebuild the model and resume
 * @param metrics the final metrics once the run finished (as in {@code metrics.json})
 * @param message why it failed, stopped or was interrupted; empty otherwise
 * @param owner the process that set the status {@code running} (null in files of older versions)
 */
public record RunInfo(String id, String project, String status, String created, String updated,
        JsonNode recipe, Map<String, Double> metrics, String message, RunOwner owner) {
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    /** Never written by a run itself: a running run whose process died without a word (kill -9, power loss). */
    public static final String INTERRUPTED = "interrupted";

    /** A run whose owner is whoever writes it (see {@link RunDir#writeInfo}). */
    public RunInfo(String id, String project, String status, String created, String updated,
            JsonNode recipe, Map<String, Double> metrics, String message) {
        this(id, project, status, created, updated, recipe, metrics, message, null);
    }

    /** A change of status; the owner is left for {@link RunDir#writeInfo} to set. */
    public RunInfo with(String newStatus, Map<String, Double> newMetrics, String newMessage) {
        return new RunInfo(id, project, newStatus, created, Instant.now().toString(), recipe, newMetrics, newMessage, null);
    }

    public RunInfo ownedBy(RunOwner newOwner) {
        return new RunInfo(id, project, status, created, updated, recipe, metrics, message, newOwner);
    }

    public boolean isCompleted() {
        return COMPLETED.equals(status);
    }

    /** Whether {@code train --resume} (or the studio's Resume button) can continue it: stopped, interrupted or failed. */
    public boolean canResume() {
        return STOPPED.equals(status) || INTERRUPTED.equals(status) || FAILED.equals(status);
    }
}
