package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.core.train.StopSignal;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Resumes;
import dev.dlforge.projects.Trains;
import dev.dlforge.projects.TrainOptions;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a project and write a run folder: metrics, checkpoints, model, report with plots.",
                "Ctrl-C stops after the current batch with a checkpoint; continue with --resume."})
final class TrainCommand implements Runnable {
    @ParentCommand
    Dlforge root;

    @Parameters(paramLabel = "PROJECT", arity = "0..1", description = "project id, as in `dlforge projects`")
    String project;

    @Option(names = "--model", paramLabel = "NAME", description = "model variant (digits: cnn, mlp); default: the project's first (digits: cnn)")
    String model;

    @Option(names = "--dataset", paramLabel = "ID", description = "dataset id (digits: opencv-digits, mnist);"
            + " default: the project's first (digits: opencv-digits)")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR", description = "folder holding the dataset's files; default: the dataset cache under $DLFORGE_HOME")
    Path data;

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training set, 1-" + TrainOptions.MAX_EPOCHS + ";"
            + " default: the project's recipe (docs/projects/PROJECT.md)")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "examples per step, 1-" + TrainOptions.MAX_BATCH_SIZE + ";"
            + " default: the project's recipe (docs/projects/PROJECT.md)")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "RATE", description = "base learning rate, in (0, 10]; default: the project's recipe (docs/projects/PROJECT.md)")
    Double learningRate;

    @Option(names = "--limit", paramLabel = "N", description = TrainOptions.LIMIT_MEANING)
    Integer limit;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (split, initialisation, shuffling, augmentation, dropout);"
            + " default: the project's recipe (docs/projects/PROJECT.md)")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: $DLFORGE_HOME/runs/PROJECT/TIMESTAMP)")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN", description = "continue a stopped, interrupted or failed run (folder, id, or project for its newest run);"
            + " default: a new run")
    String resume;

    @Override
    public void run() {
        TrainOptions options = new TrainOptions(model, dataset, data, epochs, batchSize, learningRate, limit, seed, out,
                root.out, new StopSignal(), null).validated();
        Catalogue catalogue = Catalogue.standard();
        if (resume != null) {
            RunDir run = new RunStore(DlforgeHome.current()).resolve(resume);
            RunInfo info = run.info();
            if (RunInfo.RUNNING.equals(info.status()) && info.owner() != null && !info.owner().isCurrentProcess()) {
                throw new DlforgeException("run " + run.id() + " is still training in process " + info.owner().pid(),
                        "let it finish, or stop it (Ctrl-C there, or kill " + info.owner().pid() + ") and then resume");
            }
            String owner = info.project();
            if (project != null && !project.equals(owner)) {
                throw new DlforgeException("run " + run.id() + " belongs to project " + owner + ", not " + project, "leave out PROJECT when resuming");
            }
            if (model != null || dataset != null || batchSize != null || learningRate != null || limit != null || seed != null || out != null) {
                throw new DlforgeException("--resume continues a run with its own recipe; only --epochs and --data may change",
                        "start a new run to change other options");
            }
            catalogue.capable(owner, Resumes.class).resume(run, options);
            return;
        }
        if (project == null) {
            throw new DlforgeException("which project? `dlforge train PROJECT`", "`dlforge projects` lists them");
        }
        catalogue.capable(project, Trains.class).train(options);
    }
}
