package dev.dlforge.projects;

/** A catalogue entry. Those not built yet say so; built ones implement {@link TrainableProject}. */
public interface Project {

    ProjectInfo info();

    default boolean built() {
        return this instanceof TrainableProject;
    }
}
