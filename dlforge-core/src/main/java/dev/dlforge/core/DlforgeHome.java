package dev.dlforge.core;

import java.nio.file.Path;

/**
 * Where dlforge keeps datasets and runs: {@code -Ddlforge.home}, else {@code $DLFORGE_HOME}, else
 * {@code ~/.dlforge}.
 */
public record DlforgeHome(Path root) {

    public static DlforgeHome current() {
        String configured = System.getProperty("dlforge.home");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("DLFORGE_HOME");
        }
        if (configured == null || configured.isBlank()) {
            return new DlforgeHome(Path.of(System.getProperty("user.home"), ".dlforge"));
        }
        return new DlforgeHome(Path.of(configured).toAbsolutePath());
    }

    /** Cached datasets, one folder per dataset id. */
    public Path datasets() {
        return root.resolve("datasets");
    }

    /** Training runs, as {@code runs/<project>/<run-id>}. */
    public Path runs() {
        return root.resolve("runs");
    }
}
