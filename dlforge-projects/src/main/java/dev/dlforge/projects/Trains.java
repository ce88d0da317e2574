package dev.dlforge.projects;

import dev.dlforge.core.run.RunDir;
import java.util.List;

/** A project that trains runs: {@code dlforge train ID}, the studio's train form. */
public interface Trains extends Project {

    /** Model variants, the first being the default. */
    List<String> models();

    /** Dataset ids it can train on, the first being the default. */
    List<String> datasets();

    /** Trains a new run; returns its folder (complete, or stopped and resumable). */
    RunDir train(TrainOptions options);
}
