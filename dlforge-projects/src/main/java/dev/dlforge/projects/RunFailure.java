package dev.dlforge.projects;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.AtomicFiles;
import dev.dlforge.core.run.RunDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * What a training run that failed leaves behind: status "failed" in its run.json, and an error to
 * throw that says whose fault it is.
 *
 * <ul>
 *   <li>The user's ({@link DlforgeException}: a limit too small, a missing dataset, a full disk...): as it
 *       is, with its hint.
 *   <li>The machine's (an I/O error): how to continue the run once the cause is fixed.
 *   <li>dlforge's (anything else): a bug. The stack trace goes to {@code error.log} in the run folder and
 *       the error names the run and that log, so the report has what it needs.
 * </ul>
 */
public final class RunFailure {
    /** The file in a failed run's folder holding the stack trace of a crash that was dlforge's fault. */
    public static final String ERROR_LOG = "error.log";

    private RunFailure() {}

    public static RuntimeException record(RunDir run, String project, Exception e) {
        RuntimeException thrown = classify(run, project, e);
        try {
            run.writeInfo(run.info().with("failed", Map.of(), thrown.getMessage()));
        } catch (RuntimeException ignored) {
            // the original error matters more than the status file
        }
        return thrown;
    }

    private static RuntimeException classify(RunDir run, String project, Exception e) {
        if (e instanceof DlforgeException d) {
            return d;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return new DlforgeException("run " + run.path() + " failed: " + e.getMessage(),
                    "fix the cause, then continue with `dlforge train " + project + " --resume " + run.path() + "`", e);
        }
        Path log = writeLog(run, project, e);
        return new DlforgeException("training " + project + " crashed in run " + run.id() + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                "this is a bug in dlforge, not something you did; please report it with " + (log != null ? log : "the run folder " + run.path())
                        + " (the stack trace). `dlforge train --resume " + run.path() + "` continues from the last checkpoint", e);
    }

    /** Writes the stack trace into the run folder; null if even that fails (the error still reaches the user). */
    private static Path writeLog(RunDir run, String project, Exception e) {
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            w.println("dlforge: training " + project + " crashed, run " + run.path() + ", " + Instant.now());
            w.println("java " + Runtime.version() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            w.println("recipe: " + run.recordedInfo().recipe());
            e.printStackTrace(w);
        } catch (RuntimeException unreadable) {
            e.printStackTrace(new PrintWriter(trace));
        }
        Path log = run.path().resolve(ERROR_LOG);
        try {
            AtomicFiles.writeString(log, trace.toString());
            return log;
        } catch (IOException io) {
            return null;
        }
    }
}
