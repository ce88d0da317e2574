package dev.dlforge.llm.tokenizer;

import dev.dlforge.llm.gguf.GgufFormatException;
import dev.dlforge.llm.gguf.GgufMetadata;

/** The tokenizer a GGUF file describes in its {@code tokenizer.ggml.*} metadata. */
public final class Tokenizers {
    private Tokenizers() { }

    /**
     * Byte-level BPE for {@code tokenizer.ggml.model = "gpt2"} (merges from {@code tokenizer.ggml.merges}, word split by
     * {@code tokenizer.ggml.pre}); SentencePiece-style BPE over {@code tokenizer.ggml.scores} for {@code "llama"}.
     * Ids and token bytes equal llama.cpp's ({@code llama_tokenize}, {@code llama_token_to_piece}); {@code decode} is the
     * concatenation of the tokens' bytes, less the one space SentencePiece puts in front of the text (llama.cpp's
     * {@code llama_detokenize}, without its optional clean-up of spaces before punctuation).
     *
     * @throws GgufFormatException when the model is another kind, or a key it needs is missing or mistyped
     */
    public static Tokenizer fromGguf(GgufMetadata metadata) {
        String model = metadata.requireString("tokenizer.ggml.model");
        switch (model) {
            case "gpt2" -> {
                PreTokenizer pre = PreTokenizer.named(metadata.string("tokenizer.ggml.pre").orElse(null));
                Object merges = metadata.array("tokenizer.ggml.merges").orElseThrow(() -> new GgufFormatException(
                        "tokenizer.ggml.model is gpt2 but tokenizer.ggml.merges is missing: a byte-level BPE needs its merges"))
                        .values();
                if (!(merges instanceof String[] m)) {
                    throw new GgufFormatException("tokenizer.ggml.merges must be an array of strings");
                }
                return new BpeTokenizer(new Vocabulary(metadata, false, pre.addBos()), pre, m);
            }
            case "llama" -> {
                boolean prefix = metadata.bool("tokenizer.ggml.add_space_prefix").orElse(true);
                return new SentencePieceTokenizer(new Vocabulary(metadata, true, true), prefix);
            }
            default -> throw new GgufFormatException("tokenizer.ggml.model '" + model + "' is not supported: dlforge reads "
                    + "\"gpt2\" (byte-level BPE) and \"llama\" (SentencePiece) vocabularies");
        }
    }
}
