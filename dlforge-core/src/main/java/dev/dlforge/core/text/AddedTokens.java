package dev.dlforge.core.text;

import java.util.List;
import java.util.Map;

/**
 * The {@code added_tokens} of a {@code tokenizer.json} ({@code [CLS]}, {@code [MASK]}, ...): text
 * that matches one exactly becomes that token, before any normalization, wherever it occurs.
 * Where two could match at the same place the longer wins.
 */
final class AddedTokens {
    /** A piece of text between added tokens ({@code id < 0}), or one added token. */
    record Piece(String text, int id) {}

    private final String[] tokens;
    private final int[] ids;

    AddedTokens(Map<String, Integer> ids) {
        this.tokens = ids.keySet().stream().filter(t -> !t.isEmpty()).sorted().toArray(String[]::new);
        this.ids = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            this.ids[i] = ids.get(tokens[i]);
        }
    }

    void split(String text, List<Piece> pieces) {
        // next[k]: where token k next occurs at or after `from` (-1: nowhere), so that each token
        // is searched for once per match rather than once per match of any token
        int[] next = new int[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            next[k] = text.indexOf(tokens[k]);
        }
        int from = 0;
        while (from < text.length()) {
            int best = -1;
            for (int k = 0; k < tokens.length; k++) {
                if (next[k] >= 0 && next[k] < from) {
                    next[k] = text.indexOf(tokens[k], from);
                }
                if (next[k] >= 0 && (best < 0 || next[k] < next[best]
                        || (next[k] == next[best] && tokens[k].length() > tokens[best].length()))) {
                    best = k;
                }
            }
            if (best < 0) {
                break;
            }
            int at = next[best];
            if (at > from) {
                pieces.add(new Piece(text.substring(from, at), -1));
            }
            pieces.add(new Piece(tokens[best], ids[best]));
            from = at + tokens[best].length();
        }
        if (from < text.length()) {
            pieces.add(new Piece(text.substring(from), -1));
        }
    }
}
