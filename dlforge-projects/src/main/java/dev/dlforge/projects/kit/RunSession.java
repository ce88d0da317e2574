package dev.dlforge.projects.kit;

import ai.djl.nn.Block;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunRecorder;
import dev.dlforge.core.train.BatchSource;
import dev.dlforge.core.train.ConsoleProgress;
import dev.dlforge.core.train.StopSignal;
import dev.dlforge.core.train.Trainer;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.projects.TrainOptions;
import java.io.PrintStream;
import java.time.Duration;

/** One run being trained, as a project's training step sees it: its folder, the caller's options and the one way to fit. */
public final class RunSession {
    private static final Duration SHUTDOWN_GRACE = Duration.ofMinutes(2);
    private final RunDir run;
    private final TrainOptions options;

    /** The session of {@code run} trained with {@code options}; the lifecycle makes one per run (tests and tools may too). */
    public RunSession(RunDir run, TrainOptions options) {
        this.run = run;
        this.options = options;
    }

    public RunDir run() {
        return run;
    }

    public TrainOptions options() {
        return options;
    }

    public PrintStream console() {
        return options.console();
    }

    /**
     * Fits {@code trainer} wired as every run is: the caller's stop signal (the studio's Stop; Ctrl-C
     * through a shutdown hook that waits up to two minutes for the checkpoint), progress on the
     * console, the run recorder (history.csv, a checkpoint per epoch, the kept model saved with
     * {@code card}) and the caller's listener (the studio's live charts).
     *
     * @param validation null for none
     * @param state where to start: {@link TrainerState#start()} or a restored checkpoint's
     */
    public Trainer.Outcome fit(Trainer trainer, ModelCard card, Block model, BatchSource train, BatchSource validation,
            TrainerState state) {
        trainer.stopSignal(options.stop())
                .addListener(new ConsoleProgress(console()))
                .addListener(new RunRecorder(run, card, model, state));
        if (options.listener() != null) {
            trainer.addListener(options.listener());
        }
        Thread hook = options.stop().installShutdownHook(SHUTDOWN_GRACE);
        try {
            return trainer.fit(train, validation, run.checkpoints(), state);
        } finally {
            StopSignal.uninstall(hook);
        }
    }
}
