package dev.dlforge.llm.tokenizer;

import dev.dlforge.llm.gguf.GgufValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The test vocabularies and tiny GGUF files, for tests in other packages (test fixture). */
public final class TestGguf {
    private TestGguf() { }

    /** "spm", or a pre-tokenizer name for a byte-level BPE vocabulary. */
    public static Map<String, GgufValue> vocabulary(String kind) {
        return kind.equals("spm") ? TestVocabularies.sentencePiece(null) : TestVocabularies.bpe(kind);
    }

    /** A tiny Llama model that llama.cpp loads, with {@code tokenizer} (and any other) metadata. */
    public static Path write(Path file, Map<String, GgufValue> tokenizer) throws IOException {
        return TinyLlamaGguf.write(file, tokenizer, TestVocabularies.size(tokenizer));
    }
}
