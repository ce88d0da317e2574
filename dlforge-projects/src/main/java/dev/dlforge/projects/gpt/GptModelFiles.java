package dev.dlforge.projects.gpt;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.text.ByteLevelBpe;
import dev.dlforge.core.text.CharTokenizer;
import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.models.lm.gpt.Gpt;
import dev.dlforge.models.lm.gpt.GptConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A GPT's model folder: {@code model.json} and {@code weights.bin} ({@link ModelArtifact}),
 * {@code gpt.json} (the {@link GptConfig}, so imported GPT-2 layouts load as they are), and the
 * tokenizer: {@code tokenizer.json} (byte-level BPE, Hugging Face format) or {@code chars.json}.
 */
public final class GptModelFiles {
    static final String CONFIG = "gpt.json";
    static final String BPE = "tokenizer.json";
    static final String CHARS = "chars.json";

    private GptModelFiles() {}

    /** Writes the config and tokenizer; the weights and card follow through {@link ModelArtifact}. */
    public static void saveConfigAndTokenizer(Path dir, GptConfig config, Tokenizer tokenizer) throws IOException {
        Files.createDirectories(dir);
        Json.writeFile(dir.resolve(CONFIG), config);
        saveTokenizer(dir, tokenizer);
    }

    /** Writes {@code tokenizer} into {@code dir} as {@code tokenizer.json} (BPE) or {@code chars.json}; returns the file name. */
    public static String saveTokenizer(Path dir, Tokenizer tokenizer) throws IOException {
        if (tokenizer instanceof ByteLevelBpe bpe) {
            bpe.save(dir.resolve(BPE));
            return BPE;
        }
        if (tokenizer instanceof CharTokenizer chars) {
            chars.save(dir.resolve(CHARS));
            return CHARS;
        }
        throw new IllegalArgumentException("a GPT model folder holds a char or byte-level BPE tokenizer, not "
                + tokenizer.getClass().getSimpleName());
    }

    public static GptConfig config(Path dir) {
        Path file = dir.resolve(CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new DlforgeException("no GPT model in " + dir + " (" + CONFIG + " is missing)",
                    "train one with `dlforge train gpt`, or wait for its first validation");
        }
        try {
            return Json.readFile(file, GptConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new DlforgeException(file + " is damaged: " + e.getMessage(), "retrain, or restore the model folder");
        }
    }

    public static Tokenizer tokenizer(Path dir) {
        try {
            if (Files.isRegularFile(dir.resolve(BPE))) {
                return ByteLevelBpe.load(dir.resolve(BPE));
            }
            if (Files.isRegularFile(dir.resolve(CHARS))) {
                return CharTokenizer.load(dir.resolve(CHARS));
            }
        } catch (IOException e) {
            throw new DlforgeException("the tokenizer in " + dir + " cannot be read: " + e.getMessage(), "retrain, or restore the model folder");
        }
        throw new DlforgeException("no tokenizer in " + dir + " (" + BPE + " or " + CHARS + ")", "retrain, or restore the model folder");
    }

    /** The GPT in {@code dir} with its trained weights, in {@code manager}. */
    public static Gpt load(Path dir, NDManager manager) {
        Gpt gpt = Gpt.create(config(dir), manager);
        ModelArtifact.loadWeights(dir, gpt);
        return gpt;
    }
}
