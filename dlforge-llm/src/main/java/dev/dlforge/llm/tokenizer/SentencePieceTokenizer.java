package dev.dlforge.llm.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.PriorityQueue;

/**
 * SentencePiece-style BPE over scores ({@code tokenizer.ggml.model = "llama"}: Llama 2, Mistral), as llama.cpp's
 * {@code llm_tokenizer_spm_session}: spaces become {@code ▁} (U+2581), a space is put in front of the text and after
 * every special token when {@code tokenizer.ggml.add_space_prefix} (default true), and starting from single characters
 * the adjacent pair whose concatenation is the token with the highest score is merged until no pair is a token (ties:
 * leftmost first). A character that is no token is written as its UTF-8 bytes' {@code <0xXX>} tokens (byte fallback).
 */
final class SentencePieceTokenizer extends GgufTokenizer {
    static final char SPACE = '\u2581';
    private final boolean addSpacePrefix;

    SentencePieceTokenizer(Vocabulary vocab, boolean addSpacePrefix) {
        super(vocab);
        this.addSpacePrefix = addSpacePrefix;
    }

    private record Bigram(int left, int right, float score, int length) { }

    @Override
    void encodeText(String fragment, boolean afterSpecial, TokenIds out) {
        String text = (addSpacePrefix && afterSpecial ? " " : "") + wellFormed(fragment);
        text = text.replace(' ', SPACE);
        int[] cps = text.codePoints().toArray();
        int n = cps.length;
        String[] sym = new String[n];
        int[] prev = new int[n];
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            sym[i] = new String(Character.toChars(cps[i]));
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
        }
        PriorityQueue<Bigram> queue = new PriorityQueue<>((a, b) -> a.score != b.score ? Float.compare(b.score, a.score)
                : Integer.compare(a.left, b.left));
        for (int i = 1; i < n; i++) {
            addBigram(sym, i - 1, i, queue);
        }
        while (!queue.isEmpty()) {
            Bigram b = queue.poll();
            String l = sym[b.left];
            String r = sym[b.right];
            if (l.isEmpty() || r.isEmpty() || l.length() + r.length() != b.length) {
                continue; // stale: one side was merged since
            }
            sym[b.left] = l + r;
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
            // merged symbols are always tokens, so this is one character: its bytes as <0xXX> tokens
            for (byte b : sym[i].getBytes(StandardCharsets.UTF_8)) {
                out.add(byteToken(b & 0xFF));
            }
        }
    }

    private void addBigram(String[] sym, int left, int right, PriorityQueue<Bigram> queue) {
        if (left < 0 || right < 0) {
            return;
        }
        String text = sym[left] + sym[right];
        int id = vocab.id(text);
        if (id >= 0) {
            queue.add(new Bigram(left, right, vocab.score[id], text.length()));
        }
    }

    /** The {@code <0xXX>} token of byte {@code b}, else the byte as a one-character token, else the unknown token. */
    private int byteToken(int b) {
        int id = vocab.id(String.format("<0x%02X>", b));
        if (id < 0 && b < 0x80) {
            id = vocab.id(String.valueOf((char) b));
        }
        return id >= 0 ? id : vocab.unk;
    }

    @Override
    byte[] normalPiece(int id) {
        return switch (vocab.type[id]) {
            case NORMAL -> vocab.text[id].replace(SPACE, ' ').getBytes(StandardCharsets.UTF_8);
            case BYTE -> byteOf(vocab.text[id]);
            default -> new byte[0]; // unused and undefined tokens print as nothing
        };
    }

    /** The byte of a {@code <0xXX>} token. */
    static byte[] byteOf(String token) {
        if (token.length() != 6 || !token.startsWith("<0x") || !token.endsWith(">")) {
            return token.getBytes(StandardCharsets.UTF_8);
        }
        return new byte[] {(byte) Integer.parseInt(token.substring(3, 5), 16)};
    }

    @Override
    boolean stripsLeadingSpace() {
        return addSpacePrefix;
    }
}
