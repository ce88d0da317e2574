package dev.dlforge.llm.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the two GGUF tokenizers share, as llama.cpp's {@code llama_vocab::impl::tokenize} does it: special tokens are cut
 * out of the text first (longest first; control tokens only when {@code parseSpecial}, user-defined tokens always), then
 * each stretch of plain text between them is tokenized on its own by the subclass.
 */
abstract class GgufTokenizer implements Tokenizer {
    final Vocabulary vocab;
    private final byte[][] pieces;

    GgufTokenizer(Vocabulary vocab) {
        this.vocab = vocab;
        this.pieces = new byte[vocab.size()][];
    }

    /** Appends the ids of {@code text}, a stretch with no special token in it; {@code afterSpecial} when one precedes it. */
    abstract void encodeText(String text, boolean afterSpecial, TokenIds out);

    /** The bytes of a NORMAL (or other non-literal) token. */
    abstract byte[] normalPiece(int id);

    /** True when decoding drops one leading space of the first token (SentencePiece's prefix space). */
    abstract boolean stripsLeadingSpace();

    @Override
    public int[] encode(String text, boolean addBos, boolean parseSpecial) {
        TokenIds out = new TokenIds();
        if (addBos && vocab.addBos) {
            out.add(vocab.bos);
        }
        boolean afterSpecial = true;
        for (Object fragment : partition(text, parseSpecial)) {
            if (fragment instanceof Integer id) {
                out.add(id);
                afterSpecial = true;
            } else {
                encodeText((String) fragment, afterSpecial, out);
                afterSpecial = false;
            }
        }
        if (addBos && vocab.addEos) {
            out.add(vocab.eos);
        }
        return out.toArray();
    }

    /** {@code text} cut into plain strings and special-token ids (Integer), in order (llama.cpp's tokenizer_st_partition). */
    List<Object> partition(String text, boolean parseSpecial) {
        List<Object> fragments = new ArrayList<>();
        if (!text.isEmpty()) {
            fragments.add(text);
        }
        for (int special : vocab.specialsLongestFirst) {
            if (!vocab.type[special].matchedWhole(parseSpecial)) {
                continue;
            }
            String token = vocab.text[special];
            List<Object> next = new ArrayList<>(fragments.size() + 2);
            for (Object f : fragments) {
                if (!(f instanceof String s) || !s.contains(token)) {
                    next.add(f);
                    continue;
                }
                int from = 0;
                for (int at = s.indexOf(token); at >= 0; at = s.indexOf(token, from)) {
                    if (at > from) {
                        next.add(s.substring(from, at));
                    }
                    next.add(special);
                    from = at + token.length();
                }
                if (from < s.length()) {
                    next.add(s.substring(from));
                }
            }
            fragments = next;
        }
        return fragments;
    }

    @Override
    public byte[] tokenBytes(int id) {
        if (id < 0 || id >= pieces.length) {
            throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + pieces.length + " tokens");
        }
        byte[] p = pieces[id];
        if (p == null) {
            p = vocab.type[id].literal() ? vocab.text[id].getBytes(StandardCharsets.UTF_8) : normalPiece(id);
            pieces[id] = p;
        }
        return p.clone();
    }

    @Override
    public String decode(int[] ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < ids.length; i++) {
            byte[] p = tokenBytes(ids[i]);
            int skip = i == 0 && stripsLeadingSpace() && p.length > 0 && p[0] == ' ' ? 1 : 0;
            out.write(p, skip, p.length - skip);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public int vocabularySize() {
        return vocab.size();
    }

    @Override
    public int bos() {
        return vocab.bos;
    }

    @Override
    public boolean addsBos() {
        return vocab.addBos;
    }

    @Override
    public int eos() {
        return vocab.eos;
    }

    @Override
    public boolean endsGeneration(int id) {
        return vocab.endOfGeneration.contains(id);
    }

    /** The UTF-8 of {@code s}, with a lone surrogate as U+FFFD (llama.cpp reads invalid UTF-8 as U+FFFD too). */
    static byte[] utf8(String s) {
        return wellFormed(s).getBytes(StandardCharsets.UTF_8);
    }

    static String wellFormed(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (lone && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                sb.append(lone ? '\uFFFD' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
