package dev.dlforge.serve.studio;

import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.serve.api.ApiError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds runs and their plot files for the studio without ever touching a path the request made
 * up: runs are looked up among those the run store lists, plots by plain file name inside the run's
 * {@code plots/} folder, with links that lead out of it refused.
 */
final class RunFiles {
    private static final Pattern PLOT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,100}\\.png");
    private final RunStore store;

    RunFiles(RunStore store) {
        this.store = store;
    }

    List<RunDir> runsOf(String project) {
        return store.list().stream().filter(r -> r.info().project().equals(project)).toList();
    }

    RunDir run(String project, String runId) {
        return runsOf(project).stream().filter(r -> r.id().equals(runId)).findFirst()
                .orElseThrow(() -> new ApiError(404, "project " + project + " has no run '" + runId + "'", "the project page lists its runs"));
    }

    /** The plot's file, or 404 for any name that is not a PNG directly inside the run's plots folder. */
    Path plot(RunDir run, String name) {
        ApiError missing = new ApiError(404, "run " + run.id() + " has no plot '" + name + "'", "the run's page lists its plots");
        if (!PLOT.matcher(name).matches()) {
            throw missing;
        }
        try {
            Path folder = run.plots().toRealPath();
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !file.toRealPath().getParent().equals(folder)) {
                throw missing;
            }
            return file;
        } catch (IOException e) {
            throw missing;
        }
    }

    List<String> plots(RunDir run) {
        if (!Files.isDirectory(run.plots())) {
            return List.of();
        }
        try (var files = Files.list(run.plots())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> PLOT.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
