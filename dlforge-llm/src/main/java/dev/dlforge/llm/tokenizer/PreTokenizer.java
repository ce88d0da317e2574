package dev.dlforge.llm.tokenizer;

import dev.dlforge.llm.gguf.GgufFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The split of text into words before byte-level BPE, chosen by {@code tokenizer.ggml.pre} with llama.cpp's regexes
 * (llama-vocab.cpp, {@code llm_tokenizer_bpe}). The regexes are applied in turn, each one cutting every piece the
 * previous one left into its matches and the stretches between them (llama.cpp's {@code unicode_regex_split}); a
 * lookahead never sees past the end of its piece. {@code \s} is Unicode White_Space, {@code \p{L}} and {@code \p{N}} the
 * Unicode categories, as llama.cpp's own tables have them.
 *
 * @param name          the {@code tokenizer.ggml.pre} value it was chosen by
 * @param patterns      the regexes, applied in order
 * @param ignoreMerges  a word that is itself a token is emitted whole, without running merges (Llama 3)
 * @param addBos        whether the family adds BOS by default ({@code tokenizer.ggml.add_bos_token} overrides it)
 */
record PreTokenizer(String name, List<Pattern> patterns, boolean ignoreMerges, boolean addBos) {
    static final String GPT2 = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)";
    static final String LLAMA3 = "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    static final String QWEN2 = "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    /** llama.cpp's regexes when {@code tokenizer.ggml.pre} is "default" or absent (not GPT-2's single regex). */
    static final List<String> DEFAULT = List.of("[\\p{P}\\$\\+<=>\\^~\\|]+", GPT2, "\\p{N}+", "[0-9][0-9][0-9]");
    private static final List<String> STARCODER = List.of("\\p{N}", GPT2);

    private static final Map<String, List<String>> REGEXES = Map.ofEntries(
            Map.entry("default", DEFAULT),
            Map.entry("gpt-2", List.of(GPT2)), Map.entry("phi-2", List.of(GPT2)), Map.entry("mpt", List.of(GPT2)),
            Map.entry("olmo", List.of(GPT2)), Map.entry("jais", List.of(GPT2)),
            Map.entry("llama3", List.of(LLAMA3)), Map.entry("llama-v3", List.of(LLAMA3)), Map.entry("llama-bpe", List.of(LLAMA3)),
            Map.entry("falcon3", List.of(LLAMA3)), Map.entry("pixtral", List.of(LLAMA3)),
            Map.entry("dbrx", List.of(LLAMA3)), Map.entry("smaug-bpe", List.of(LLAMA3)),
            Map.entry("qwen2", List.of(QWEN2)), Map.entry("deepseek-r1-qwen", List.of(QWEN2)), Map.entry("megrez", List.of(QWEN2)),
            Map.entry("stablelm2", List.of(QWEN2)),
            Map.entry("starcoder", STARCODER), Map.entry("refact", STARCODER), Map.entry("command-r", STARCODER),
            Map.entry("smollm", STARCODER), Map.entry("codeshell", STARCODER), Map.entry("exaone", STARCODER));
    /** The names llama.cpp gives ignore_merges and add_bos (the Llama 3 family). */
    private static final List<String> LLAMA3_FAMILY = List.of("llama3", "llama-v3", "llama-bpe", "falcon3", "pixtral");

    /** The pre-tokenizer named {@code pre} (null or "" is llama.cpp's "default"). */
    static PreTokenizer named(String pre) {
        String name = pre == null || pre.isEmpty() ? "default" : pre;
        List<String> regexes = REGEXES.get(name);
        if (regexes == null) {
            throw new GgufFormatException("unknown pre-tokenizer type tokenizer.ggml.pre = '" + name + "'; dlforge knows "
                    + new java.util.TreeSet<>(REGEXES.keySet()) + " (llama.cpp's names)");
        }
        List<Pattern> patterns = regexes.stream().map(r -> Pattern.compile(r, Pattern.UNICODE_CHARACTER_CLASS)).toList();
        boolean llama3 = LLAMA3_FAMILY.contains(name);
        return new PreTokenizer(name, patterns, llama3, llama3);
    }

    /** The words of {@code text}, in order; they concatenate to {@code text}. */
    List<String> split(String text) {
        List<int[]> pieces = new ArrayList<>();
        pieces.add(new int[] {0, text.length()});
        for (Pattern p : patterns) {
            List<int[]> next = new ArrayList<>();
            Matcher m = p.matcher(text);
            for (int[] piece : pieces) {
                m.region(piece[0], piece[1]);
                int from = piece[0];
                while (m.find()) {
                    if (m.end() == m.start()) {
                        continue;
                    }
                    if (m.start() > from) {
                        next.add(new int[] {from, m.start()});
                    }
                    next.add(new int[] {m.start(), m.end()});
                    from = m.end();
                }
                if (from < piece[1]) {
                    next.add(new int[] {from, piece[1]});
                }
            }
            pieces = next;
        }
        List<String> words = new ArrayList<>(pieces.size());
        for (int[] piece : pieces) {
            words.add(text.substring(piece[0], piece[1]));
        }
        return words;
    }
}
