package dev.dlforge.projects.gpt;

import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.models.lm.gpt.GptConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The recipe of a {@code gpt} run made by {@code dlforge gpt import} from a Hugging Face GPT-2 folder
 * rather than trained: where the weights came from and the network they fill. Such a run generates
 * text; it has no corpus or checkpoints, so it is neither evaluated nor resumed.
 *
 * @param source always {@value #SOURCE}
 * @param name a label for the run (default: the folder's name)
 * @param from the imported folder, absolute
 * @param gpt the network, from the folder's config.json
 */
public record GptImport(String source, String name, String from, GptConfig gpt) {
    public static final String SOURCE = "huggingface-gpt2";

    public static GptImport of(Path folder, String name, GptConfig config) {
        Path from = folder.toAbsolutePath().normalize();
        return new GptImport(SOURCE, name != null ? name : String.valueOf(from.getFileName()), from.toString(), config);
    }

    /** Whether {@code run} was imported rather than trained. */
    public static boolean isImported(RunDir run) {
        return run.info().recipe() != null && SOURCE.equals(run.info().recipe().path("source").asText());
    }

    /** The model card: architecture {@code gpt2}, the context length as input shape, the parameter count as its one figure. */
    public ModelCard card(long parameters) {
        return ModelCard.now(GptProject.ID, "gpt2", RecipeJson.write(this), List.of((long) gpt.blockSize()), List.of(),
                Map.of("parameters", (double) parameters), "imported");
    }
}
