package dev.dlforge.core.run;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The run a user pinned as a project's model: one line, the run id, in
 * {@code $DLFORGE_HOME/runs/<project>/.pinned} (written atomically; a run listing skips it).
 */
final class RunPins {
    private static final String FILE = ".pinned";
    private final Path root;

    RunPins(Path runsRoot) {
        this.root = runsRoot;
    }

    /** The pinned run id of {@code project}, if any. */
    Optional<String> pinned(String project) {
        Path file = root.resolve(project).resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String id = Files.readString(file).strip();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException e) {
            return Optional.empty(); // an unreadable pin is no pin: the newest completed run answers
        }
    }

    void pin(String project, String runId) {
        try {
            Files.createDirectories(root.resolve(project));
            AtomicFiles.writeString(root.resolve(project).resolve(FILE), runId + "\n");
        } catch (IOException e) {
            throw new DlforgeException("cannot pin " + project + "/" + runId + ": " + e.getMessage(), "check the permissions of " + root);
        }
    }

    /** Removes the pin; returns whether there was one. */
    boolean unpin(String project) {
        try {
            return Files.deleteIfExists(root.resolve(project).resolve(FILE));
        } catch (IOException e) {
            throw new DlforgeException("cannot unpin " + project + ": " + e.getMessage(), "check the permissions of " + root);
        }
    }
}
