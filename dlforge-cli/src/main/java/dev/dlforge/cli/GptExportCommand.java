package dev.dlforge.cli;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.core.text.CharTokenizer;
import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.models.lm.gpt.Gpt2Checkpoint;
import dev.dlforge.projects.gpt.GptModelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a gpt run's model as a Hugging Face GPT-2 folder: model.safetensors, config.json and the tokenizer",
                "(tokenizer.json for BPE runs; chars.json for character runs, which Hugging Face has no tokenizer for).",
                "GPT2LMHeadModel.from_pretrained(DIR) loads it; bias-free models are written with zero biases."})
final class GptExportCommand implements Runnable {
    @ParentCommand
    GptCommand parent;

    @Parameters(index = "0", paramLabel = "RUN", description = "run folder, run id, or project (its newest run)")
    String run;

    @Parameters(index = "1", paramLabel = "DIR", description = "folder to write (created if missing; files in it are replaced)")
    Path out;

    @Override
    public void run() {
        var console = parent.root.out;
        RunDir dir = new RunStore(DlforgeHome.current()).resolve(run);
        Path model = dir.model();
        Tokenizer tokenizer = GptModelFiles.tokenizer(model);
        long parameters;
        try (NDManager m = Engines.newManager()) {
            Gpt gpt = GptModelFiles.load(model, m);
            Gpt2Checkpoint.save(gpt, out);
            parameters = gpt.parameterCount();
        }
        String tokenizerFile;
        try {
            tokenizerFile = GptModelFiles.saveTokenizer(out, tokenizer);
            if (tokenizer instanceof CharTokenizer) {
                console.println("note: Hugging Face has no character tokenizer; chars.json is dlforge's (id 0 unknown, then the "
                        + "code points in order), and `dlforge gpt import` reads it back");
            }
        } catch (IOException e) {
            throw new DlforgeException("cannot write the tokenizer to " + out + ": " + e.getMessage(), "check that the folder is writable");
        }
        console.printf(Locale.ROOT, "exported run %s (%,d parameters) to %s: %s, %s, %s%n", dir.id(), parameters, out.toAbsolutePath(),
                Gpt2Checkpoint.WEIGHTS, Gpt2Checkpoint.CONFIG, tokenizerFile);
    }
}
