package dev.dlforge.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.core.text.ByteLevelBpe;
import dev.dlforge.core.text.CharTokenizer;
import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.models.lm.gpt.Gpt2Checkpoint;
import dev.dlforge.models.lm.gpt.GptConfig;
import dev.dlforge.projects.gpt.GptImport;
import dev.dlforge.projects.gpt.GptModelFiles;
import dev.dlforge.projects.gpt.GptProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Make a gpt run from a Hugging Face GPT-2 folder: config.json, model.safetensors and a tokenizer",
                "(tokenizer.json, GPT-2's vocab.json + merges.txt, or dlforge's chars.json). `dlforge generate RUN` then uses it."})
final class GptImportCommand implements Runnable {
    static final String PROJECT = GptProject.ID;

    @ParentCommand
    GptCommand parent;

    @Parameters(index = "0", paramLabel = "DIR", description = "the Hugging Face GPT-2 folder")
    Path dir;

    @Option(names = "--tokenizer", paramLabel = "FILE",
            description = "tokenizer to use when DIR has none: a tokenizer.json, a vocab.json with merges.txt beside it, or a chars.json;"
                    + " default: the one in DIR")
    Path tokenizerFile;

    @Option(names = "--name", paramLabel = "NAME", description = "a label kept in the run's recipe (default: the folder's name)")
    String name;

    @Override
    public void run() {
        var console = parent.root.out;
        if (!Files.isDirectory(dir)) {
            throw new DlforgeException("no folder " + dir, "pass a Hugging Face GPT-2 folder (config.json, model.safetensors, tokenizer)");
        }
        GptConfig config = Gpt2Checkpoint.readConfig(dir);
        Tokenizer tokenizer = tokenizer();
        if (tokenizer.vocabSize() > config.vocabSize()) {
            throw new DlforgeException("the tokenizer has " + tokenizer.vocabSize() + " tokens, the model only " + config.vocabSize(),
                    "pass the tokenizer this model was trained with (--tokenizer FILE)");
        }
        try (NDManager m = Engines.newManager()) {
            Gpt gpt = Gpt2Checkpoint.load(dir, m);
            long parameters = gpt.parameterCount();
            GptImport recipe = GptImport.of(dir, name, config);
            RunDir run = new RunStore(DlforgeHome.current()).create(PROJECT, RecipeJson.write(recipe), null);
            try {
                GptModelFiles.saveConfigAndTokenizer(run.model(), config, tokenizer);
                ModelArtifact.save(run.model(), recipe.card(parameters), gpt);
            } catch (IOException | RuntimeException e) {
                run.writeInfo(run.info().with("failed", Map.of(), "import failed: " + e.getMessage()));
                throw new DlforgeException("cannot write the imported model to " + run.model() + ": " + e.getMessage(),
                        "check free space and permissions under " + DlforgeHome.current().root(), e);
            }
            run.writeInfo(run.info().with("imported", Map.of("parameters", (double) parameters), ""));
            console.printf(Locale.ROOT, "imported %s as run %s/%s: %,d parameters (%d layers, %d heads, %d channels, context %d, vocab %,d)%n",
                    dir, PROJECT, run.id(), parameters, config.nLayer(), config.nHead(), config.nEmbd(), config.blockSize(), config.vocabSize());
            console.println("run " + run.id());
        }
    }

    /** --tokenizer, else tokenizer.json, vocab.json + merges.txt or chars.json in the folder. */
    private Tokenizer tokenizer() {
        Path file = tokenizerFile;
        if (file == null) {
            for (String candidate : List.of("tokenizer.json", "vocab.json", "chars.json")) {
                if (Files.isRegularFile(dir.resolve(candidate))) {
                    file = dir.resolve(candidate);
                    break;
                }
            }
        }
        if (file == null) {
            throw new DlforgeException(dir + " has no tokenizer (tokenizer.json, vocab.json + merges.txt, or chars.json)",
                    "pass one with --tokenizer FILE");
        }
        if (!Files.isRegularFile(file)) {
            throw new DlforgeException("no tokenizer file " + file, "check the path given to --tokenizer");
        }
        try {
            String fileName = file.getFileName().toString();
            if (fileName.equals("vocab.json")) {
                Path merges = file.resolveSibling("merges.txt");
                if (!Files.isRegularFile(merges)) {
                    throw new DlforgeException(file + " has no merges.txt beside it", "GPT-2's tokenizer is vocab.json and merges.txt together");
                }
                return ByteLevelBpe.loadGpt2(file, merges);
            }
            // dlforge's character tokenizer says "type": "char"; anything else must be a tokenizer.json
            JsonNode json = Json.MAPPER.readTree(Files.readAllBytes(file));
            return json != null && "char".equals(json.path("type").asText()) ? CharTokenizer.load(file) : ByteLevelBpe.load(file);
        } catch (IOException e) {
            throw new DlforgeException("tokenizer " + file + " cannot be read: " + e.getMessage(),
                    "pass a Hugging Face tokenizer.json (byte-level BPE), GPT-2's vocab.json + merges.txt, or a dlforge chars.json");
        }
    }
}
