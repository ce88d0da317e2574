package dev.dlforge.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Text to token ids and back, for models that embed ids. Ids run from 0 to {@link #vocabSize()}
 * minus one; {@link #token(int)} names each one as it appears in the tokenizer's vocabulary.
 */
public interface Tokenizer {
    int[] encode(String text);

    /** The text of {@code ids}; for tokenizers that promise it, {@code decode(encode(s)).equals(s)}. */
    String decode(int[] ids);

    int vocabSize();

    /** The vocabulary entry of {@code id}, e.g. {@code "Ġthe"} for a byte-level BPE token. */
    String token(int id);

    /** The vocabulary entries {@code text} encodes to, for display and debugging. */
    default List<String> tokens(String text) {
        int[] ids = encode(text);
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(token(id));
        }
        return out;
    }
}
