package dev.dlforge.llm.tokenizer;

import dev.dlforge.llm.gguf.GgufArray;
import dev.dlforge.llm.gguf.GgufMetadata;
import dev.dlforge.llm.gguf.GgufValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Vocabularies learned by the tests from {@link TestCorpus}, as {@code tokenizer.ggml.*} metadata (test fixture). */
final class TestVocabularies {
    static final int MERGES = 400;
    /** Control tokens of the chat families, and one user-defined token. */
    static final List<String> CONTROL = List.of("<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>",
            "<|eot_id|>", "<|im_start|>", "<|im_end|>", "[INST]", "[/INST]");
    static final String USER_DEFINED = "<tool>";
    private static final String CORPUS = TestCorpus.corpus(600);
    private static final Map<String, Map<String, GgufValue>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private TestVocabularies() { }

    /** All special texts (control and user-defined), and SentencePiece's {@code <s>}, {@code </s>}, {@code <unk>}. */
    static List<String> specials() {
        List<String> all = new ArrayList<>(CONTROL);
        all.add(USER_DEFINED);
        all.addAll(List.of("<s>", "</s>", "<unk>"));
        return all;
    }

    /**
     * A byte-level BPE vocabulary for pre-tokenizer {@code pre}: the 256 byte characters, one token per learned merge,
     * two words that no merge reaches ({@code Ġcaptainsea}, {@code harpoonocean}: whole under Llama 3's ignore_merges)
     * and the special tokens.
     */
    static Map<String, GgufValue> bpe(String pre) {
        return CACHE.computeIfAbsent("bpe " + pre, k -> learnBpe(pre));
    }

    private static Map<String, GgufValue> learnBpe(String pre) {
        PreTokenizer split = PreTokenizer.named(pre);
        Map<List<String>, Integer> words = new HashMap<>();
        for (String w : split.split(CORPUS)) {
            words.merge(BpeTrainer.symbols(ByteUnicode.encode(w.getBytes(StandardCharsets.UTF_8))), 1, Integer::sum);
        }
        List<String> merges = BpeTrainer.merges(words, MERGES);
        Set<String> tokens = new LinkedHashSet<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(String.valueOf(ByteUnicode.charOf(b)));
        }
        merges.forEach(m -> tokens.add(m.replace(" ", "")));
        tokens.add(ByteUnicode.encode(" captainsea".getBytes(StandardCharsets.UTF_8)));
        tokens.add("harpoonocean");
        List<Integer> types = new ArrayList<>(tokens.stream().map(t -> TokenType.NORMAL.id()).toList());
        int bos = addSpecials(tokens, types);
        Map<String, GgufValue> m = new LinkedHashMap<>();
        m.put("tokenizer.ggml.model", GgufValue.of("gpt2"));
        m.put("tokenizer.ggml.pre", GgufValue.of(pre));
        m.put("tokenizer.ggml.tokens", GgufValue.of(GgufArray.of(tokens.toArray(String[]::new))));
        m.put("tokenizer.ggml.token_type", GgufValue.of(GgufArray.ofInt32(types.stream().mapToInt(Integer::intValue).toArray())));
        m.put("tokenizer.ggml.merges", GgufValue.of(GgufArray.of(merges.toArray(String[]::new))));
        m.put("tokenizer.ggml.bos_token_id", GgufValue.ofUint32(bos));
        m.put("tokenizer.ggml.eos_token_id", GgufValue.ofUint32(bos + 1));
        return m;
    }

    /**
     * A SentencePiece vocabulary: {@code <unk>}, {@code <s>}, {@code </s>}, the 256 {@code <0xXX>} byte tokens, the
     * single characters of the corpus below U+0800 (others fall back to bytes), one token per learned merge with a score
     * that falls with its rank, and the special tokens.
     */
    static Map<String, GgufValue> sentencePiece(Boolean addSpacePrefix) {
        return CACHE.computeIfAbsent("spm " + addSpacePrefix, k -> learnSentencePiece(addSpacePrefix));
    }

    private static Map<String, GgufValue> learnSentencePiece(Boolean addSpacePrefix) {
        String escaped = ("▁" + CORPUS.replace(' ', '▁'));
        Map<List<String>, Integer> words = new HashMap<>();
        for (String w : escaped.split("(?=▁)")) {
            words.merge(BpeTrainer.symbols(w), 1, Integer::sum);
        }
        List<String> merges = BpeTrainer.merges(words, MERGES);
        Set<String> tokens = new LinkedHashSet<>(List.of("<unk>", "<s>", "</s>"));
        List<Integer> types = new ArrayList<>(List.of(TokenType.UNKNOWN.id(), TokenType.CONTROL.id(), TokenType.CONTROL.id()));
        List<Float> scores = new ArrayList<>(List.of(0f, 0f, 0f));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(TokenType.BYTE.id());
            scores.add(0f);
        }
        int[] chars = escaped.codePoints().distinct().sorted().filter(cp -> cp < 0x800 || cp == '▁').toArray();
        for (int cp : chars) {
            if (tokens.add(new String(Character.toChars(cp)))) {
                types.add(TokenType.NORMAL.id());
                scores.add(-1000f - tokens.size());
            }
        }
        for (int i = 0; i < merges.size(); i++) {
            if (tokens.add(merges.get(i).replace(" ", ""))) {
                types.add(TokenType.NORMAL.id());
                scores.add((float) -i);
            }
        }
        addSpecials(tokens, types);
        while (scores.size() < tokens.size()) {
            scores.add(0f);
        }
        float[] s = new float[scores.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores.get(i);
        }
        Map<String, GgufValue> m = new LinkedHashMap<>();
        m.put("tokenizer.ggml.model", GgufValue.of("llama"));
        m.put("tokenizer.ggml.tokens", GgufValue.of(GgufArray.of(tokens.toArray(String[]::new))));
        m.put("tokenizer.ggml.scores", GgufValue.of(GgufArray.of(s)));
        m.put("tokenizer.ggml.token_type", GgufValue.of(GgufArray.ofInt32(types.stream().mapToInt(Integer::intValue).toArray())));
        m.put("tokenizer.ggml.bos_token_id", GgufValue.ofUint32(1));
        m.put("tokenizer.ggml.eos_token_id", GgufValue.ofUint32(2));
        m.put("tokenizer.ggml.unknown_token_id", GgufValue.ofUint32(0));
        if (addSpacePrefix != null) {
            m.put("tokenizer.ggml.add_space_prefix", GgufValue.ofBool(addSpacePrefix));
        }
        return m;
    }

    static GgufMetadata metadata(Map<String, GgufValue> tokenizer) {
        return new GgufMetadata(tokenizer);
    }

    static int size(Map<String, GgufValue> tokenizer) {
        return ((GgufArray) tokenizer.get("tokenizer.ggml.tokens").value()).length();
    }

    /** Appends the special tokens; returns the id of the first ({@code <|begin_of_text|>}). */
    private static int addSpecials(Set<String> tokens, List<Integer> types) {
        int first = tokens.size();
        for (String c : CONTROL) {
            tokens.add(c);
            types.add(TokenType.CONTROL.id());
        }
        tokens.add(USER_DEFINED);
        types.add(TokenType.USER_DEFINED.id());
        return first;
    }
}
