package dev.dlforge.llm.model;

import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.gguf.GgufFile;
import dev.dlforge.llm.kernel.RowPool;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a GGUF file as the model its {@code general.architecture} names. */
public final class DecoderModels {
    private DecoderModels() {
    }

    /** The model of {@code path}, its matrix products on {@code pool} (which the caller closes after the model). */
    public static DecoderModel open(Path path, RowPool pool) throws IOException {
        GgufFile file = GgufFile.open(path);
        try {
            String arch = file.architecture();
            return switch (arch) {
                case "llama", "mistral", "qwen2" -> new LlamaModel(file, pool);
                case "gpt2" -> new Gpt2Model(file, pool);
                default -> throw new UnsupportedOperationException(path.getFileName() + " is a " + arch
                        + " model; dlforge runs llama, mistral, qwen2 and gpt2 architectures");
            };
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }
}
