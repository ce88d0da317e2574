package dev.dlforge.projects;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.run.RunDir;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Where a stopped run continues: its newest readable checkpoint and the epochs that checkpoint holds. */
public record ResumePoint(Path checkpoint, int trainedEpochs) {

    /**
     * The run's newest readable checkpoint, printing to {@code console} (when given) each newer checkpoint it had to
     * skip and why, so a resume that goes back further than the user expects says so.
     */
    public static ResumePoint of(RunDir run, PrintStream console) {
        try {
            Path checkpoint = run.checkpoints().latestReadable(skipped -> {
                if (console != null) {
                    console.println(skipped);
                }
            }).orElseThrow(() -> new DlforgeException(
                    "run " + run.path() + " has no usable checkpoint", "start a new run with `dlforge train " + run.info().project() + "`"));
            return new ResumePoint(checkpoint, CheckpointStore.stateOf(checkpoint).epoch());
        } catch (IOException e) {
            throw new DlforgeException("cannot read checkpoints of " + run.path() + ": " + e.getMessage(), "check the folder's permissions");
        }
    }

    /**
     * The epochs the resumed run trains in all: {@code requested} (--epochs), which must add at least
     * one, or else the recipe's, which a completed run has already trained.
     */
    public int totalEpochs(RunDir run, Integer requested, int recipeEpochs) {
        if (requested != null) {
            if (requested <= trainedEpochs) {
                throw new DlforgeException("run " + run.id() + " has already trained " + trainedEpochs + " epochs; --epochs "
                        + requested + " would add none", "pass --epochs N with N more than " + trainedEpochs);
            }
            return requested;
        }
        if ("completed".equals(run.info().status())) {
            throw new DlforgeException("run " + run.id() + " already completed its " + recipeEpochs + " epochs",
                    "pass --epochs N (more than " + recipeEpochs + ") to train it further");
        }
        return recipeEpochs;
    }
}
