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
import dev.dlforge.models.lm.gpt.Gpt2Gguf;
import dev.dlforge.projects.gpt.GptModelFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a gpt run's model as a Hugging Face GPT-2 folder: model.safetensors, config.json and the tokenizer",
                "(tokenizer.json for BPE runs; chars.json for character runs, which Hugging Face has no tokenizer for).",
                "GPT2LMHeadModel.from_pretrained(OUT) loads it; bias-free models are written with zero biases.",
                "With --gguf, OUT is one GGUF file of llama.cpp's gpt2 architecture with the tokenizer inside, which",
                "`dlforge llm serve OUT` and llama.cpp run."})
final class GptExportCommand implements Runnable {
    private static final String DEFAULT_TYPE = "F32";

    @ParentCommand
    GptCommand parent;

    @Parameters(index = "0", paramLabel = "RUN", description = "run folder, run id, or project (its newest run)")
    String run;

    @Parameters(index = "1", paramLabel = "OUT", description = "folder to write (created if missing; files in it are replaced), or with --gguf "
            + "the .gguf file")
    Path out;

    @Option(names = "--gguf", description = "write a GGUF file instead of a Hugging Face folder (default: ${DEFAULT-VALUE})")
    boolean gguf;

    @Option(names = "--type", paramLabel = "F32|F16", description = "GGUF tensor type of the matrices and embeddings; norms and biases stay F32 "
            + "(default: " + DEFAULT_TYPE + "; F16 halves the file, logits move by about 3e-3)")
    String type;

    @Override
    public void run() {
        var console = parent.root.out;
        if (type != null && !gguf) {
            throw new DlforgeException("--type " + type + " is for GGUF files", "add --gguf, or leave out --type for a Hugging Face folder");
        }
        RunDir dir = new RunStore(DlforgeHome.current()).resolve(run);
        if (gguf) {
            exportGguf(dir, console);
            return;
        }
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

    private void exportGguf(RunDir dir, PrintStream console) {
        var ggmlType = Gpt2Gguf.type(type == null ? DEFAULT_TYPE : type);
        if (java.nio.file.Files.isDirectory(out)) {
            throw new DlforgeException(out + " is a folder", "with --gguf, OUT names the file to write, e.g. " + out.resolve(dir.id() + ".gguf"));
        }
        Path model = dir.model();
        Tokenizer tokenizer = GptModelFiles.tokenizer(model);
        try (NDManager m = Engines.newManager()) {
            Gpt gpt = GptModelFiles.load(model, m);
            Gpt2Gguf.write(gpt, tokenizer, ggmlType, dir.id(), out);
            if (!gpt.config().tanhGelu()) {
                console.println("note: this run uses the exact GELU; llama.cpp's gpt2 computes GPT-2's tanh approximation, so logits there "
                        + "differ from dlforge's by up to about 1e-3");
            }
            console.printf(Locale.ROOT, "exported run %s (%,d parameters, %s) to %s: GGUF gpt2, %s tokenizer; serve it with "
                    + "`dlforge llm serve %s`%n", dir.id(), gpt.parameterCount(), ggmlType, out.toAbsolutePath(),
                    tokenizer instanceof CharTokenizer ? "character" : "byte-level BPE", out);
        }
    }
}
