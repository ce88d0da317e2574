package dev.dlforge.projects;

/**
 * A catalogue entry. Those not built yet are {@link PlannedProject}s; built ones implement the
 * capabilities they have: {@link Trains}, {@link Resumes}, {@link Evaluates}, {@link Serves}
 * ({@code lm.Generates} for language models).
 */
public interface Project {

    ProjectInfo info();

    default boolean built() {
        return !(this instanceof PlannedProject);
    }

    /**
     * What of this project is ready to use besides its runs, as {@code dlforge projects} shows it
     * (rag: its indexes under the home); empty when nothing is.
     */
    default String readyBesidesRuns() {
        return "";
    }
}
