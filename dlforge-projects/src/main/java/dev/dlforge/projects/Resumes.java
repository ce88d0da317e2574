package dev.dlforge.projects;

import dev.dlforge.core.run.RunDir;

/** A project whose runs continue from their last checkpoint: {@code dlforge train --resume RUN}, the studio's Resume button. */
public interface Resumes extends Trains {

    /** Continues a stopped or interrupted run from its last checkpoint (or a completed one, for more epochs). */
    RunDir resume(RunDir run, TrainOptions options);
}
