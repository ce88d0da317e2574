package dev.dlforge.cli;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Project;
import dev.dlforge.projects.lm.Generates;
import dev.dlforge.projects.lm.LoadedLanguageModel;
import java.util.List;

/** A run whose project writes text, as {@code generate} and {@code chat} take it. */
record GenerativeRun(RunDir dir, Generates project) {

    /** The run chosen as {@code predict} chooses one (see ModelChoice), checked to be one that generates text. */
    static GenerativeRun of(RunDir dir) {
        Catalogue catalogue = Catalogue.standard();
        Project project = catalogue.get(dir.info().project());
        if (project instanceof Generates generative) {
            return new GenerativeRun(dir, generative);
        }
        List<String> generating = catalogue.all().stream().filter(p -> p instanceof Generates).map(p -> p.info().id()).toList();
        throw new DlforgeException("run " + dir.id() + " belongs to project " + project.info().id() + ", which does not generate text",
                generating.isEmpty()
                        ? "no project that generates text is built yet; use `dlforge predict` for " + project.info().id()
                        : "train a run of a project that generates text: " + String.join(", ", generating)
                                + " (e.g. `dlforge train " + generating.get(0) + "`); use `dlforge predict` for " + project.info().id());
    }

    /** The run's model with its tokenizer and sampling defaults; arrays live in {@code manager}. */
    LoadedLanguageModel load(NDManager manager) {
        return project.loadLanguageModel(dir.model(), manager);
    }
}
