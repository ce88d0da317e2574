package dev.dlforge.llm.tokenizer;

import dev.dlforge.llm.gguf.GgufArray;
import dev.dlforge.llm.gguf.GgufFormatException;
import dev.dlforge.llm.gguf.GgufMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tokens of a GGUF vocabulary ({@code tokenizer.ggml.tokens}, {@code .scores}, {@code .token_type}) with the special
 * ids and end-of-generation set worked out as llama.cpp's {@code llama_vocab::impl::load} does, so that ids agree:
 * defaults per model type (SentencePiece: BOS 1, EOS 2; BPE: 11 and 11), overridden by {@code tokenizer.ggml.bos_token_id}
 * and the other {@code *_token_id} keys when in range; end-of-turn tokens found by their text ({@code <|eot_id|>},
 * {@code <|im_end|>}, ...) and made CONTROL even where the file calls them NORMAL.
 */
final class Vocabulary {
    /** Texts llama.cpp takes as end-of-generation tokens whatever the file says (llama-vocab.cpp). */
    static final Set<String> EOG_TEXTS = Set.of("<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>",
            "<|eom_id|>", "<EOT>", "_<EOT>", "<|end_of_text|>", "<end_of_utterance>");
    private static final Set<String> EOT_TEXTS = Set.of("<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>",
            "<|end_of_text|>", "<EOT>", "_<EOT>", "<end_of_utterance>");
    /** FIM pad, repo and file-separator tokens, which llama.cpp also ends generation on. */
    private static final Set<String> FIM_EOG_TEXTS = Set.of("<|fim_pad|>", "<fim-pad>", "<fim_pad>", "<PAD>", "<|fim_repo|>",
            "<|repo_name|>", "<fim-repo>", "<REPO>", "<reponame>", "<|file_sep|>");
    private static final Set<String> FIM_OTHER_TEXTS = Set.of("<|fim_prefix|>", "<fim-prefix>", "<fim_prefix>", "<PRE>", "▁<PRE>",
            "<|fim_suffix|>", "<fim-suffix>", "<fim_suffix>", "<SUF>", "▁<SUF>", "<|fim_middle|>", "<fim-middle>", "<fim_middle>",
            "<MID>", "▁<MID>");

    final String[] text;
    final float[] score;
    final TokenType[] type;
    final Map<String, Integer> ids;
    final int bos;
    final int eos;
    final int eot;
    final int unk;
    final boolean addBos;
    final boolean addEos;
    final Set<Integer> endOfGeneration;
    /** CONTROL, USER_DEFINED and UNKNOWN tokens, longest text first: the order llama.cpp splits them out of a text. */
    final List<Integer> specialsLongestFirst;

    Vocabulary(GgufMetadata m, boolean sentencePiece, boolean addBosDefault) {
        String[] tokens = strings(m.requireArray("tokenizer.ggml.tokens"));
        int n = tokens.length;
        text = new String[n];
        score = new float[n];
        type = new TokenType[n];
        ids = new HashMap<>(n * 2);
        float[] scores = m.array("tokenizer.ggml.scores").map(a -> floats(a, n)).orElse(null);
        long[] types = m.array("tokenizer.ggml.token_type").map(a -> longs(a, n)).orElse(null);
        for (int i = 0; i < n; i++) {
            String t = tokens[i].isEmpty() ? "[EMPTY_" + i + "]" : tokens[i];
            Integer before = ids.putIfAbsent(t, i);
            if (before != null) {
                throw new GgufFormatException("duplicate token in vocabulary: '" + t + "' has ids " + before + " and " + i);
            }
            text[i] = t;
            score[i] = scores == null ? 0f : scores[i];
            type[i] = types == null ? TokenType.NORMAL : TokenType.of(types[i]);
        }
        bos = special(m, "bos", sentencePiece ? 1 : 11);
        eos = special(m, "eos", sentencePiece ? 2 : 11);
        unk = special(m, "unknown", sentencePiece ? 0 : -1);
        int eotId = special(m, "eot", -1);
        int eomId = special(m, "eom", -1);
        Set<Integer> eog = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            String t = text[i];
            if (eotId < 0 && EOT_TEXTS.contains(t)) {
                eotId = i;
                type[i] = TokenType.CONTROL;
            }
            if (eomId < 0 && t.equals("<|eom_id|>")) {
                eomId = i;
                type[i] = TokenType.CONTROL;
            }
            if (EOG_TEXTS.contains(t) || FIM_EOG_TEXTS.contains(t)) {
                eog.add(i);
                type[i] = TokenType.CONTROL;
            }
            if (FIM_OTHER_TEXTS.contains(t)) {
                type[i] = TokenType.CONTROL;
            }
        }
        eot = eotId;
        for (int id : new int[] {eos, eotId, eomId}) {
            if (id >= 0) {
                eog.add(id);
            }
        }
        endOfGeneration = Collections.unmodifiableSet(eog);
        addBos = m.bool("tokenizer.ggml.add_bos_token").orElse(addBosDefault);
        addEos = m.bool("tokenizer.ggml.add_eos_token").orElse(false);
        if (addBos && bos < 0 || addEos && eos < 0) {
            throw new GgufFormatException("tokenizer.ggml.add_" + (addBos && bos < 0 ? "bos" : "eos") + "_token is true, but the "
                    + "vocabulary has no such token: set tokenizer.ggml." + (addBos && bos < 0 ? "bos" : "eos") + "_token_id");
        }
        List<Integer> specials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (type[i] == TokenType.CONTROL || type[i] == TokenType.USER_DEFINED || type[i] == TokenType.UNKNOWN) {
                specials.add(i);
            }
        }
        specials.sort(Comparator.comparingInt((Integer i) -> -text[i].length()).thenComparingInt(i -> i));
        specialsLongestFirst = List.copyOf(specials);
    }

    int size() {
        return text.length;
    }

    /** The id of {@code t}, or -1. */
    int id(String t) {
        Integer id = ids.get(t);
        return id == null ? -1 : id;
    }

    /** {@code tokenizer.ggml.NAME_token_id} when set and in range, else the default when in range, else -1. */
    private int special(GgufMetadata m, String name, int fallback) {
        int id = fallback >= 0 && fallback < text.length ? fallback : -1;
        long set = m.integer("tokenizer.ggml." + name + "_token_id").orElse(-1);
        return set >= 0 && set < text.length ? (int) set : id;
    }

    private static String[] strings(GgufArray a) {
        if (!(a.values() instanceof String[] s)) {
            throw new GgufFormatException("tokenizer.ggml.tokens is an array of " + a.elementType() + ", expected STRING");
        }
        return s;
    }

    private static float[] floats(GgufArray a, int n) {
        float[] f;
        if (a.values() instanceof float[] v) {
            f = v;
        } else if (a.values() instanceof int[] v) {
            f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = v[i];
            }
        } else {
            throw new GgufFormatException("tokenizer.ggml.scores is an array of " + a.elementType() + ", expected FLOAT32 or INT32");
        }
        if (f.length < n) {
            throw new GgufFormatException("tokenizer.ggml.scores has " + f.length + " entries for " + n + " tokens");
        }
        return f;
    }

    private static long[] longs(GgufArray a, int n) {
        long[] l;
        if (a.values() instanceof int[] v) {
            l = new long[v.length];
            for (int i = 0; i < v.length; i++) {
                l[i] = v[i];
            }
        } else if (a.values() instanceof long[] v) {
            l = v;
        } else {
            throw new GgufFormatException("tokenizer.ggml.token_type is an array of " + a.elementType() + ", expected INT32");
        }
        if (l.length < n) {
            throw new GgufFormatException("tokenizer.ggml.token_type has " + l.length + " entries for " + n + " tokens");
        }
        return l;
    }
}
