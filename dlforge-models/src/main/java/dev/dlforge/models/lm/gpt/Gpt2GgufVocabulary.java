package dev.dlforge.models.lm.gpt;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.text.ByteLevelAlphabet;
import dev.dlforge.core.text.ByteLevelBpe;
import dev.dlforge.core.text.CharTokenizer;
import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.llm.gguf.GgufArray;
import dev.dlforge.llm.gguf.GgufValue;
import dev.dlforge.llm.gguf.GgufValueType;
import dev.dlforge.llm.gguf.GgufWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A gpt run's tokenizer as GGUF {@code tokenizer.ggml.*} metadata of model {@code "gpt2"} (byte-level BPE, the GPT-2
 * word split {@code tokenizer.ggml.pre = "gpt-2"}), the form llama.cpp and dlforge-llm both read.
 *
 * <ul>
 *   <li>Byte-level BPE runs: the tokens in id order and the merges in rank order, as written; special tokens are
 *       CONTROL.</li>
 *   <li>Character runs: each character is the token spelling its UTF-8 bytes in GPT-2's byte alphabet, and the only merges
 *       are the ones that join the bytes of a multi-byte character, so a byte-level BPE tokenizer gives one token per
 *       character. Id 0, dlforge's unknown character, is an UNKNOWN token. One difference stays: a character the run never
 *       saw encodes to id 0 in dlforge's tokenizer but to nothing in llama.cpp's (its BPE drops bytes that are no token).</li>
 * </ul>
 *
 * <p>End of text: llama.cpp's {@code gpt2} vocabulary always has one, and when the file names none it takes id 11, an
 * ordinary character or byte in these vocabularies, at which every generation would stop. So the file names a token the
 * run cannot produce from text: {@code <|endoftext|>} when the BPE run has it, else the NUL byte's token (BPE) or the
 * unknown character, id 0 (character runs). Model rows past the tokenizer's vocabulary are UNUSED tokens
 * {@code [PAD<id>]}. No BOS token is added in front of prompts ({@code add_bos_token false}), as the runs trained.
 */
final class Gpt2GgufVocabulary {
    static final int NORMAL = 1;
    static final int UNKNOWN = 2;
    static final int CONTROL = 3;
    static final int UNUSED = 5;
    static final String END_OF_TEXT = "<|endoftext|>";

    private Gpt2GgufVocabulary() {}

    /** Puts the {@code tokenizer.ggml.*} keys of {@code tokenizer} for a model of {@code vocab} rows. */
    static void put(GgufWriter w, Tokenizer tokenizer, int vocab) {
        if (tokenizer.vocabSize() > vocab) {
            throw new DlforgeException("the tokenizer has " + tokenizer.vocabSize() + " tokens but the model only " + vocab + " rows",
                    "the run's model folder is inconsistent: retrain or restore it");
        }
        String[] tokens = new String[vocab];
        int[] types = new int[vocab];
        List<String> merges = new ArrayList<>();
        int eos;
        if (tokenizer instanceof ByteLevelBpe bpe) {
            for (int id = 0; id < bpe.vocabSize(); id++) {
                tokens[id] = bpe.token(id) != null ? bpe.token(id) : "[PAD" + id + "]";
                types[id] = bpe.token(id) != null ? NORMAL : UNUSED;
            }
            bpe.specialTokens().forEach((t, id) -> types[id] = CONTROL);
            for (String[] m : bpe.merges()) {
                merges.add(m[0] + " " + m[1]);
            }
            Integer end = bpe.specialTokens().get(END_OF_TEXT);
            eos = end != null ? end : bpe.id(String.valueOf(ByteLevelAlphabet.charOf(0)));
            if (eos < 0) {
                throw new DlforgeException("the BPE tokenizer has neither " + END_OF_TEXT + " nor the NUL byte's token",
                        "dlforge's BPE trainer always keeps all 256 bytes: is the tokenizer.json from elsewhere?");
            }
        } else if (tokenizer instanceof CharTokenizer chars) {
            tokens[CharTokenizer.UNKNOWN_ID] = chars.token(CharTokenizer.UNKNOWN_ID);
            types[CharTokenizer.UNKNOWN_ID] = UNKNOWN;
            Set<String> joins = new LinkedHashSet<>();
            for (int id = 1; id < chars.vocabSize(); id++) {
                byte[] utf8 = chars.token(id).getBytes(StandardCharsets.UTF_8);
                String spelled = ByteLevelAlphabet.encode(utf8);
                tokens[id] = spelled;
                types[id] = NORMAL;
                for (int i = 1; i < spelled.length(); i++) {
                    joins.add(spelled.substring(0, i) + " " + spelled.charAt(i));  // prefix + next byte, left to right
                }
            }
            merges.addAll(joins);
            eos = CharTokenizer.UNKNOWN_ID;
        } else {
            throw new DlforgeException("a " + tokenizer.getClass().getSimpleName() + " cannot be written to GGUF",
                    "gpt runs use a character or byte-level BPE tokenizer");
        }
        for (int id = tokenizer.vocabSize(); id < vocab; id++) {
            tokens[id] = "[PAD" + id + "]";
            types[id] = UNUSED;
        }
        w.put("tokenizer.ggml.model", "gpt2")
                .put("tokenizer.ggml.pre", "gpt-2")
                .put("tokenizer.ggml.tokens", GgufValue.of(GgufArray.of(tokens)))
                .put("tokenizer.ggml.token_type", GgufValue.of(new GgufArray(GgufValueType.INT32, types)))
                .put("tokenizer.ggml.merges", GgufValue.of(GgufArray.of(merges.toArray(String[]::new))))
                .put("tokenizer.ggml.bos_token_id", GgufValue.ofUint32(eos))
                .put("tokenizer.ggml.eos_token_id", GgufValue.ofUint32(eos))
                .put("tokenizer.ggml.add_bos_token", GgufValue.ofBool(false));
        if (tokenizer instanceof CharTokenizer) {
            w.put("tokenizer.ggml.unknown_token_id", GgufValue.ofUint32(CharTokenizer.UNKNOWN_ID));
        }
    }
}
