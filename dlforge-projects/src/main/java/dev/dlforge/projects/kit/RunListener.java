package dev.dlforge.projects.kit;

import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.train.TrainingListener;

/**
 * A training listener that is also told which run it follows, as soon as the lifecycle has the run's
 * folder (a new run once created, a resumed one before it continues): the studio's job names its run
 * from the trainer rather than looking for a running run in the store.
 */
public interface RunListener extends TrainingListener {

    void onRun(RunDir run);
}
