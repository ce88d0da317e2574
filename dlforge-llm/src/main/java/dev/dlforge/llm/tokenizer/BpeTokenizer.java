package dev.dlforge.llm.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Byte-level BPE ({@code tokenizer.ggml.model = "gpt2"}: GPT-2, Llama 3, Qwen2), as llama.cpp's
 * {@code llm_tokenizer_bpe_session}: the text is split into words by the {@link PreTokenizer}, each word's UTF-8 bytes
 * are written as GPT-2's byte characters ({@link ByteUnicode}), and starting from single characters the adjacent pair
 * with the lowest rank in {@code tokenizer.ggml.merges} is merged until no pair has a rank (ties: leftmost first).
 * With {@code ignoreMerges} (Llama 3) a word that is a token is taken whole.
 */
final class BpeTokenizer extends GgufTokenizer {
    /** Words kept in {@link #cache}, at most: a text repeats its words, so most are looked up, not merged again. */
    private static final int CACHED_WORDS = 1 << 16;
    private final PreTokenizer pre;
    private final Map<String, Integer> ranks;
    private final Map<String, int[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

    BpeTokenizer(Vocabulary vocab, PreTokenizer pre, String[] merges) {
        super(vocab);
        this.pre = pre;
        this.ranks = new HashMap<>(merges.length * 2);
        for (int i = 0; i < merges.length; i++) {
            String m = merges[i];
            int space = m.indexOf(' ', 1);
            if (space > 0) {
                ranks.putIfAbsent(m, i); // "left right": the key of the pair, as stored
            }
        }
    }

    PreTokenizer preTokenizer() {
        return pre;
    }

    @Override
    void encodeText(String text, boolean afterSpecial, TokenIds out) {
        for (String word : pre.split(wellFormed(text))) {
            int[] ids = cache.get(word);
            if (ids == null) {
                TokenIds one = new TokenIds();
                encodeWord(ByteUnicode.encode(word.getBytes(StandardCharsets.UTF_8)), one);
                ids = one.toArray();
                if (cache.size() >= CACHED_WORDS) {
                    cache.clear();
                }
                cache.put(word, ids);
            }
            for (int id : ids) {
                out.add(id);
            }
        }
    }

    private record Bigram(int left, int right, String text, int rank) { }

    /** One pre-tokenized word, already in byte characters (all in the BMP, so a char is a symbol). */
    private void encodeWord(String word, TokenIds out) {
        if (pre.ignoreMerges()) {
            int whole = vocab.id(word);
            if (whole >= 0) {
                out.add(whole);
                return;
            }
        }
        int n = word.length();
        String[] sym = new String[n];
        int[] prev = new int[n];
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            sym[i] = String.valueOf(word.charAt(i));
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
        }
        PriorityQueue<Bigram> queue = new PriorityQueue<>((a, b) -> a.rank != b.rank ? Integer.compare(a.rank, b.rank)
                : Integer.compare(a.left, b.left));
        for (int i = 1; i < n; i++) {
            addBigram(sym, i - 1, i, queue);
        }
        while (!queue.isEmpty()) {
            Bigram b = queue.poll();
            String l = sym[b.left];
            String r = sym[b.right];
            if (l.isEmpty() || r.isEmpty() || !b.text.equals(l + r)) {
                continue; // stale: one side was merged since
            }
            sym[b.left] = b.text;
            sym[b.right] = "";
            next[b.left] = next[b.right];
            if (next[b.right] >= 0) {
                prev[next[b.right]] = b.left;
            }
            addBigram(sym, prev[b.left], b.left, queue);
            addBigram(sym, b.left, next[b.left], queue);
        }
        for (int i = 0; i != -1 && n > 0; i = next[i]) {
            int id = vocab.id(sym[i]);
            if (id >= 0) {
                out.add(id);
                continue;
            }
            // llama.cpp's fallback: the single bytes of the symbol's text that are tokens themselves (ASCII ones)
            for (int k = 0; k < sym[i].length(); k++) {
                char c = sym[i].charAt(k);
                int b = c < 0x80 ? vocab.id(String.valueOf(c)) : -1;
                if (b >= 0) {
                    out.add(b);
                }
            }
        }
    }

    private void addBigram(String[] sym, int left, int right, PriorityQueue<Bigram> queue) {
        if (left < 0 || right < 0) {
            return;
        }
        Integer rank = ranks.get(sym[left] + " " + sym[right]);
        if (rank != null) {
            queue.add(new Bigram(left, right, sym[left] + sym[right], rank));
        }
    }

    @Override
    byte[] normalPiece(int id) {
        String t = vocab.text[id];
        if (vocab.type[id] == TokenType.BYTE) {
            return SentencePieceTokenizer.byteOf(t);
        }
        if (vocab.type[id] != TokenType.NORMAL) {
            return new byte[0]; // unused and undefined tokens print as nothing
        }
        byte[] bytes = ByteUnicode.decode(t);
        if (bytes != null) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.codePoints().forEach(cp -> {
            byte[] one = ByteUnicode.decode(new String(Character.toChars(cp)));
            if (one != null) {
                out.writeBytes(one);
            } else { // what llama_decode_text writes for a character outside the byte map
                StringBuilder unk = new StringBuilder("[UNK_BYTE_0x");
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    unk.append(String.format("%02x", b & 0xFF));
                }
                out.writeBytes(unk.append(t).append(']').toString().getBytes(StandardCharsets.UTF_8));
            }
        });
        return out.toByteArray();
    }

    @Override
    boolean stripsLeadingSpace() {
        return false;
    }
}
