package dev.dlforge.models.text.sentiment;

import java.util.HashMap;
import java.util.Map;

/**
 * VADER's valence lexicon: a lower-cased token (word, slang, emoticon) to its mean human rating of
 * sentiment intensity on -4 (most negative) .. +4 (most positive). Tokens are looked up lower-cased
 * and entries are kept as written, as in the reference: the few entries with capitals ({@code :D},
 * {@code O.o}) therefore never match. The lexicon itself is a dataset ({@code vader-lexicon} in
 * dlforge-data).
 */
public final class VaderLexicon {
    private final Map<String, Double> valences;

    private VaderLexicon(Map<String, Double> valences) {
        this.valences = valences;
    }

    /** A lexicon from token to valence. */
    public static VaderLexicon of(Map<String, ? extends Number> valences) {
        Map<String, Double> copy = new HashMap<>();
        valences.forEach((token, v) -> copy.put(token, v.doubleValue()));
        return new VaderLexicon(Map.copyOf(copy));
    }

    public boolean contains(String lowerCaseToken) {
        return valences.containsKey(lowerCaseToken);
    }

    /** The valence of a lower-cased token; 0 when it is not in the lexicon. */
    public double valence(String lowerCaseToken) {
        return valences.getOrDefault(lowerCaseToken, 0.0);
    }

    public int size() {
        return valences.size();
    }
}
