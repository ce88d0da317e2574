package dev.dlforge.core.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name a mistyped one most likely meant, for "did you mean ...?" hints: the one at the
 * smallest edit distance (insertions, deletions, substitutions and swaps of neighbouring letters
 * each cost 1; case is ignored), if that distance is at most a third of the typed name's length (at least 1, at most 3);
 * ties go to the first in {@code names}' order.
 */
public final class ClosestName {
    private ClosestName() {}

    public static Optional<String> among(String typed, Collection<String> names) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, t.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int d = distance(t, name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)"-style text: {@code ": did you mean 'digits'?"}, or "" when nothing is close. */
    public static String didYouMean(String typed, Collection<String> names) {
        return among(typed, names).map(n -> ": did you mean '" + n + "'?").orElse("");
    }

    /**
     * Optimal-string-alignment distance: Levenshtein plus swapping two neighbouring letters at cost 1
     * (the commonest typo, "gtp" for "gpt"); d[i][j] = edits turning a[0..i) into b[0..j).
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
