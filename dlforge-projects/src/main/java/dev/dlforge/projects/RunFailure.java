package dev.dlforge.projects;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.run.RunDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** What a training run that failed leaves behind: status "failed" in its run.json, and an error to throw. */
public final class RunFailure {
    private RunFailure() {}

    /**
     * Marks {@code run} failed and returns what to throw: a {@link DlforgeException} as it is, an
     * I/O error as one saying how to continue the run once the cause is fixed, anything else as it is.
     */
    public static RuntimeException record(RunDir run, String project, Exception e) {
        try {
            run.writeInfo(run.info().with("failed", Map.of(), String.valueOf(e.getMessage())));
        } catch (RuntimeException ignored) {
            // the original error matters more than the status file
        }
        if (e instanceof DlforgeException d) {
            return d;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return new DlforgeException("run " + run.path() + " failed: " + e.getMessage(),
                    "fix the cause, then continue with `dlforge train " + project + " --resume " + run.path() + "`", e);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
}
