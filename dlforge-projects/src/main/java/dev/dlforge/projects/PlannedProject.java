package dev.dlforge.projects;

/** A roadmap project that is not built yet; the catalogue lists it so users see what is coming. */
public record PlannedProject(ProjectInfo info) implements Project {}
