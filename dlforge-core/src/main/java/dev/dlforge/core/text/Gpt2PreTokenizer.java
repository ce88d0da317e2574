package dev.dlforge.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's split of text into pre-tokens before byte-level BPE: English contractions, a word with
 * its leading space, a number with its leading space, a run of other symbols with its leading
 * space, and whitespace runs (the last space of a run before a word stays with the word). The same
 * regex as GPT-2 and Hugging Face's {@code ByteLevel} pre-tokenizer, with Unicode classes:
 * <pre>'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</pre>
 * The pieces always concatenate back to the input.
 */
public final class Gpt2PreTokenizer {
    private static final Pattern SPLIT = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    private Gpt2PreTokenizer() {}

    public static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher m = SPLIT.matcher(text);
        int end = 0;
        while (m.find()) {
            if (m.start() > end) {
                // the regex covers every code point; this only guards lone surrogates
                pieces.add(text.substring(end, m.start()));
            }
            pieces.add(m.group());
            end = m.end();
        }
        if (end < text.length()) {
            pieces.add(text.substring(end));
        }
        return pieces;
    }
}
