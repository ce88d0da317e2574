package dev.dlforge.llm.tokenizer;

/**
 * Text to token ids and back, for a model read from GGUF ({@code tokenizer.ggml.*} metadata).
 *
 * <p>Implementations: byte-level BPE ({@code tokenizer.ggml.model = "gpt2"}: Llama 3, Qwen2, GPT-2) and
 * SentencePiece-style BPE over scores ({@code "llama"}: Llama 2, Mistral). Ids equal llama.cpp's for the same file.
 */
public interface Tokenizer {
    /**
     * Token ids of {@code text}; special-token text such as {@code <|im_end|>} is matched as one token when {@code parseSpecial}.
     * {@code addBos} adds BOS (and EOS) where the model asks for them ({@code tokenizer.ggml.add_bos_token}, else the
     * family's default: yes for SentencePiece and Llama 3, no for GPT-2 and Qwen2), as llama.cpp's {@code add_special}.
     */
    int[] encode(String text, boolean addBos, boolean parseSpecial);

    /** The bytes a token stands for (a piece of UTF-8 that may end inside a character). */
    byte[] tokenBytes(int id);

    /** Text of {@code ids}; bytes that do not form UTF-8 are replaced by U+FFFD. */
    String decode(int[] ids);

    int vocabularySize();

    /** Beginning-of-sequence id, or -1 when the vocabulary has none. */
    int bos();

    /**
     * Whether prompts start with BOS: {@code tokenizer.ggml.add_bos_token}, else the family's default, as llama.cpp's
     * {@code llama_vocab_get_add_bos}. Tokenizers outside GGUF add it whenever they have one.
     */
    default boolean addsBos() {
        return bos() >= 0;
    }

    /** End-of-sequence id, or -1. */
    int eos();

    /** True for tokens that end a generation: EOS, and end-of-turn tokens such as {@code <|eot_id|>} or {@code <|im_end|>}. */
    boolean endsGeneration(int id);
}
