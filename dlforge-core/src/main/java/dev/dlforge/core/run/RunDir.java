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

    public RunInfo info() {
        try {
            return Json.readFile(runJson(), RunInfo.class);
        } catch (IOException e) {
            throw new DlforgeException("run " + path + " has no readable run.json (" + e.getMessage() + ")",
                    "is this a dlforge run folder? `dlforge runs` lists them");
        }
    }

    public void writeInfo(RunInfo info) {
        try {
            Json.writeFile(runJson(), info);
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
