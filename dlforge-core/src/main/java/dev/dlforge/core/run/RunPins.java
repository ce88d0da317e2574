package dev.dlforge.core.run;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The run a user pinned as a project's model: one line, the run's folder (ids repeat across
 * {@code --out} folders), in
 * {@code $DLFORGE_HOME/runs/<project>/.pinned} (written atomically; a run listing skips it).
 */
final class RunPins {
    private static final String FILE = ".pinned";
    private final Path root;

    RunPins(Path runsRoot) {
        this.root = runsRoot;
    }

    /** The pinned run folder of {@code project}, if any. */
    Optional<Path> pinned(String project) {
        Path file = root.resolve(project).resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String dir = Files.readString(file).strip();
            return dir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dir));
        } catch (IOException | InvalidPathException e) {
            return Optional.empty(); // an unreadable pin is no pin: the newest completed run answers
        }
    }

    void pin(String project, Path runDir) {
        try {
            Files.createDirectories(root.resolve(project));
            AtomicFiles.writeString(root.resolve(project).resolve(FILE), runDir + "\n");
        } catch (IOException e) {
            throw new DlforgeException("cannot pin " + runDir + ": " + e.getMessage(), "check the permissions of " + root);
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
