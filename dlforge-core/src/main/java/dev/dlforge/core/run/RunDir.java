package dev.dlforge.core.run;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run's folder:
 *
 * <pre>
 *   run.json        project, recipe, status       metrics.json   final metrics
 *   history.csv     one row per epoch             report.md      the report, with plots/
 *   checkpoints/    resumable state               model/         the trained model (see ModelArtifact)
 * </pre>
 */
public record RunDir(Path path) {

    public Path runJson() {
        return path.resolve("run.json");
    }

    public Path metricsJson() {
        return path.resolve("metrics.json");
    }

    public Path historyCsv() {
        return path.resolve("history.csv");
    }

    public Path report() {
        return path.resolve("report.md");
    }

    public Path plots() {
        return path.resolve("plots");
    }

    public Path model() {
        return path.resolve("model");
    }

    public CheckpointStore checkpoints() {
        return new CheckpointStore(path.resolve("checkpoints"), 2);
    }

    public String id() {
        return path.getFileName().toString();
    }

    /**
     * What {@code run.json} says, except that a run recorded as running whose process is gone (killed,
     * crashed, the machine rebooted) is reported as {@link RunInfo#INTERRUPTED}: nobody could record
     * that, so every reader (the CLI, the studio, resume) judges it here, the same way.
     */
    public RunInfo info() {
        RunInfo recorded = recordedInfo();
        if (!RunInfo.RUNNING.equals(recorded.status()) || (recorded.owner() != null && recorded.owner().isAlive())) {
            return recorded;
        }
        String why = recorded.owner() == null ? "no process recorded (an older dlforge)" : "process " + recorded.owner().pid() + " is gone";
        return new RunInfo(recorded.id(), recorded.project(), RunInfo.INTERRUPTED, recorded.created(), recorded.updated(),
                recorded.recipe(), recorded.metrics(), "interrupted (" + why + ") — resume with " + resumeCommand(), recorded.owner());
    }

    /** The command that continues this run, as the CLI takes it. */
    public String resumeCommand() {
        return "./dlforge train --resume " + path;
    }

    /** {@code run.json} exactly as written, with no judgement of whether a running run still runs. */
    public RunInfo recordedInfo() {
        try {
            return Json.readFile(runJson(), RunInfo.class);
        } catch (IOException e) {
            throw new DlforgeException("run " + path + " has no readable run.json (" + e.getMessage() + ")",
                    "is this a dlforge run folder? `dlforge runs` lists them");
        }
    }

    /**
     * Writes {@code run.json}. A status of running always names its process, this one unless the info
     * names another, so that {@link #info()} can tell a live run from a killed one.
     */
    public void writeInfo(RunInfo info) {
        RunInfo owned = RunInfo.RUNNING.equals(info.status()) && info.owner() == null ? info.ownedBy(RunOwner.current()) : info;
        try {
            Json.writeFile(runJson(), owned);
        } catch (IOException e) {
            throw new DlforgeException("cannot write " + runJson() + ": " + e.getMessage(), "check the folder's permissions and free space");
        }
    }

    public void writeMetrics(Map<String, Double> metrics) throws IOException {
        Json.writeFile(metricsJson(), metrics);
    }

    public boolean exists() {
        return Files.isRegularFile(runJson());
    }
}
