package dev.dlforge.projects;

/** A catalogue entry. Those not built yet say so; built ones implement {@link TrainableProject}. */
public interface Project {

    ProjectInfo info();

    default boolean built() {
        return this instanceof TrainableProject;
    }

    /**
     * What of this project is ready to use besides its runs, as {@code dlforge projects} shows it
     * (rag: its indexes under the home); empty when nothing is.
     */
    default String readyBesidesRuns() {
        return "";
    }
}
