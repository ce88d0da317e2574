package dev.dlforge.core.text;

import dev.dlforge.core.DlforgeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level BPE as in GPT-2: text is split into pre-tokens ({@link Gpt2PreTokenizer}), each
 * pre-token's UTF-8 bytes are spelled in the {@link ByteLevelAlphabet}, and adjacent symbols are
 * merged by rank (the lowest-ranked pair present first, leftmost first) until no listed merge
 * applies. Special tokens are cut out of the text before that and keep their own ids. Because every
 * byte is a symbol, {@code decode(encode(s)).equals(s)} for every valid Unicode string.
 *
 * <p>Trained by {@link ByteLevelBpeTrainer}; saved and loaded as Hugging Face {@code tokenizer.json}
 * ({@link BpeTokenizerJson}).
 */
public final class ByteLevelBpe implements Tokenizer {
    private static final int CACHE_LIMIT = 200_000;
    private static final int CACHED_PIECE_MAX_CHARS = 64;

    private final String[] tokens;
    private final Map<String, Integer> ids;
    private final List<String[]> merges;
    /** (left id, right id) -> (rank << 32 | merged id). */
    private final Map<Long, Long> mergeRanks = new HashMap<>();
    private final int[] byteIds = new int[256];
    private final Map<String, Integer> specials;
    private final Pattern specialPattern;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    /**
     * @param vocab token -> id, the byte-level alphabet included
     * @param merges pairs of tokens in rank order; each pair's concatenation must be in the vocab
     * @param specials special tokens -> id, matched verbatim in the input
     */
    public ByteLevelBpe(Map<String, Integer> vocab, List<String[]> merges, Map<String, Integer> specials) {
        int size = 0;
        for (int id : vocab.values()) {
            size = Math.max(size, id + 1);
        }
        for (int id : specials.values()) {
            size = Math.max(size, id + 1);
        }
        this.tokens = new String[size];
        this.ids = new HashMap<>(vocab);
        vocab.forEach((t, id) -> tokens[id] = t);
        specials.forEach((t, id) -> {
            tokens[id] = t;
            ids.putIfAbsent(t, id);
        });
        this.merges = List.copyOf(merges);
        for (int rank = 0; rank < merges.size(); rank++) {
            String[] m = merges.get(rank);
            Integer left = vocab.get(m[0]);
            Integer right = vocab.get(m[1]);
            Integer merged = vocab.get(m[0] + m[1]);
            if (left == null || right == null || merged == null) {
                throw new DlforgeException("BPE merge " + rank + " (" + m[0] + " " + m[1] + ") names a token missing from the vocabulary",
                        "the tokenizer file is inconsistent: re-train or re-download it");
            }
            mergeRanks.putIfAbsent(pairKey(left, right), ((long) rank << 32) | merged);
        }
        for (int b = 0; b < 256; b++) {
            byteIds[b] = vocab.getOrDefault(String.valueOf(ByteLevelAlphabet.charOf(b)), -1);
        }
        this.specials = Map.copyOf(specials);
        this.specialPattern = specials.isEmpty() ? null : Pattern.compile(specials.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b).orElseThrow());
    }

    static long pairKey(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    /** Reads a Hugging Face {@code tokenizer.json} of a byte-level BPE model (GPT-2, RoBERTa, ours). */
    public static ByteLevelBpe load(Path tokenizerJson) throws IOException {
        return BpeTokenizerJson.read(tokenizerJson);
    }

    /** Reads GPT-2's original pair of files: {@code vocab.json} and {@code merges.txt}. */
    public static ByteLevelBpe loadGpt2(Path vocabJson, Path mergesTxt) throws IOException {
        return BpeTokenizerJson.readGpt2(vocabJson, mergesTxt);
    }

    /** Writes a Hugging Face {@code tokenizer.json} that the {@code tokenizers} library loads as is. */
    public void save(Path tokenizerJson) throws IOException {
        BpeTokenizerJson.write(this, tokenizerJson);
    }

    @Override
    public int[] encode(String text) {
        IntList out = new IntList(text.length() / 3 + 4);
        if (specialPattern == null) {
            encodeOrdinary(text, out);
        } else {
            Matcher m = specialPattern.matcher(text);
            int end = 0;
            while (m.find()) {
                encodeOrdinary(text.substring(end, m.start()), out);
                out.add(specials.get(m.group()));
                end = m.end();
            }
            encodeOrdinary(text.substring(end), out);
        }
        return out.toArray();
    }

    private void encodeOrdinary(String text, IntList out) {
        if (text.isEmpty()) {
            return;
        }
        for (String piece : Gpt2PreTokenizer.split(text)) {
            int[] pieceIds = piece.length() <= CACHED_PIECE_MAX_CHARS ? cache.get(piece) : null;
            if (pieceIds == null) {
                pieceIds = encodePiece(piece);
                if (piece.length() <= CACHED_PIECE_MAX_CHARS) {
                    if (cache.size() >= CACHE_LIMIT) {
                        cache.clear();
                    }
                    cache.put(piece, pieceIds);
                }
            }
            out.addAll(pieceIds);
        }
    }

    /** BPE on one pre-token: symbols in a linked list, candidate merges in a heap of (rank, position). */
    private int[] encodePiece(String piece) {
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        int[] sym = new int[n];
        int[] prev = new int[n];
        int[] next = new int[n];
        boolean[] dead = new boolean[n];
        for (int i = 0; i < n; i++) {
            sym[i] = byteIds[bytes[i] & 0xFF];
            if (sym[i] < 0) {
                throw new DlforgeException("byte 0x" + Integer.toHexString(bytes[i] & 0xFF) + " has no token in this BPE vocabulary",
                        "a byte-level vocabulary must hold all 256 byte symbols; train it with ByteLevelBpeTrainer");
            }
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
        }
        PriorityQueue<Long> heap = new PriorityQueue<>();
        for (int i = 0; i + 1 < n; i++) {
            offer(heap, sym, i, i + 1);
        }
        int alive = n;
        while (!heap.isEmpty()) {
            long top = heap.poll();
            int rank = (int) (top >>> 32);
            int pos = (int) top;
            int right = next[pos];
            if (dead[pos] || right < 0) {
                continue;
            }
            Long merge = mergeRanks.get(pairKey(sym[pos], sym[right]));
            if (merge == null || (int) (merge >>> 32) != rank) {
                continue; // the pair at pos changed since this entry was queued
            }
            sym[pos] = (int) (long) merge;
            dead[right] = true;
            alive--;
            next[pos] = next[right];
            if (next[pos] >= 0) {
                prev[next[pos]] = pos;
                offer(heap, sym, pos, next[pos]);
            }
            if (prev[pos] >= 0) {
                offer(heap, sym, prev[pos], pos);
            }
        }
        int[] out = new int[alive];
        for (int i = 0, k = 0; i >= 0 && k < alive; i = next[i]) {
            out[k++] = sym[i];
        }
        return out;
    }

    private void offer(PriorityQueue<Long> heap, int[] sym, int left, int right) {
        Long merge = mergeRanks.get(pairKey(sym[left], sym[right]));
        if (merge != null) {
            heap.add(((merge >>> 32) << 32) | left);
        }
    }

    @Override
    public String decode(int[] idsToDecode) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(idsToDecode.length * 4);
        for (int id : idsToDecode) {
            if (id < 0 || id >= tokens.length || tokens[id] == null) {
                throw new DlforgeException("token id " + id + " is outside this vocabulary of " + tokens.length,
                        "decode ids made by the same tokenizer");
            }
            String t = tokens[id];
            if (specials.containsKey(t)) {
                bytes.writeBytes(t.getBytes(StandardCharsets.UTF_8));
                continue;
            }
            for (int i = 0; i < t.length(); i++) {
                int b = ByteLevelAlphabet.byteOf(t.charAt(i));
                if (b >= 0) {
                    bytes.write(b);
                } else { // a foreign vocabulary entry outside the byte alphabet: keep it as text
                    bytes.writeBytes(String.valueOf(t.charAt(i)).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        // bytes that do not form UTF-8 (an arbitrary id sequence) decode to U+FFFD, as in GPT-2
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public int vocabSize() {
        return tokens.length;
    }

    @Override
    public String token(int id) {
        return tokens[id];
    }

    /** The id of a vocabulary entry or special token, or -1. */
    public int id(String token) {
        return ids.getOrDefault(token, -1);
    }

    /** The merges in rank order, each a (left, right) pair of tokens. */
    public List<String[]> merges() {
        return merges;
    }

    /** Special tokens and their ids. */
    public Map<String, Integer> specialTokens() {
        return specials;
    }

    /** The vocabulary without special tokens, in id order. */
    Map<String, Integer> vocabInIdOrder() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int id = 0; id < tokens.length; id++) {
            if (tokens[id] != null && ids.get(tokens[id]) == id) {
                out.put(tokens[id], id);
            }
        }
        return out;
    }

    /** A growable int array, to avoid boxing every id. */
    private static final class IntList {
        private int[] data;
        private int size;

        IntList(int capacity) {
            data = new int[Math.max(4, capacity)];
        }

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        void addAll(int[] vs) {
            if (size + vs.length > data.length) {
                data = Arrays.copyOf(data, Math.max(size * 2, size + vs.length));
            }
            System.arraycopy(vs, 0, data, size, vs.length);
            size += vs.length;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
