package dev.dlforge.projects.rag;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.models.lm.GenerationConfig;
import dev.dlforge.models.lm.TextGenerator;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Project;
import dev.dlforge.projects.lm.Generates;
import dev.dlforge.projects.lm.LoadedLanguageModel;
import java.util.List;

/**
 * A model trained by a generative project ({@code gpt}, {@code poetry}) as the writer of grounded
 * answers. Such a model continues text; it was not tuned to follow instructions, so the prompt is
 * laid out as a document to continue (sources, question, "Answer:") and the reply is whatever it
 * writes, cut at a blank line. It reads only its last context-length tokens, which is why the
 * question comes last.
 */
public final class LocalGptGenerator implements ChatGenerator {
    static final int MAX_TOKENS = 200;

    private final NDManager manager;
    private final LoadedLanguageModel model;
    private final TextGenerator generator;

    public LocalGptGenerator(RunDir run) {
        String owner = run.info().project();
        Project project = Catalogue.standard().get(owner);
        if (!(project instanceof Generates generative)) {
            throw new DlforgeException("run " + run.id() + " is a " + owner + " run, which does not write text",
                    "pass --gpt with a gpt run (`dlforge runs` lists them), or use --llm-url");
        }
        this.manager = Engines.newManager();
        try {
            this.model = generative.loadLanguageModel(run.model(), manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.generator = model.generator();
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public String complete(String system, String user) {
        GenerationConfig config = model.defaults().withMaxTokens(MAX_TOKENS).withStop(List.of("\n\n"));
        return generator.generate(system + "\n\n" + user + "\nAnswer:", config, manager, piece -> {}).text().strip();
    }

    @Override
    public void close() {
        manager.close();
    }
}
