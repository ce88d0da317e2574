package dev.dlforge.cli;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.projects.gpt.GptModelFiles;
import java.util.List;
import java.util.Map;

/** gpt runs for the export tests: a model folder as `dlforge train gpt` writes it, without the training. */
final class GptRuns {
    private GptRuns() {}

    /** A new gpt run in the current DLFORGE_HOME holding {@code gpt} and {@code tokenizer}. */
    static RunDir save(Gpt gpt, Tokenizer tokenizer) throws Exception {
        RunDir run = new RunStore(DlforgeHome.current()).create("gpt", Json.MAPPER.createObjectNode(), null);
        GptModelFiles.saveConfigAndTokenizer(run.model(), gpt.config(), tokenizer);
        ModelArtifact.save(run.model(), new ModelCard("gpt", "gpt", Json.MAPPER.createObjectNode(), List.of(16L), List.of(), Map.of(),
                "test", "2025-01-01T00:00:00Z", ModelArtifact.FORMAT), gpt);
        return run;
    }
}
