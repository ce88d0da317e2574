package dev.dlforge.llm.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns BPE merges from words (test fixture): each word is a list of symbols, and the most frequent adjacent pair
 * (ties: the smaller pair text) is merged, {@code count} times. This makes a small but real vocabulary for the oracle
 * tests, so that no tokenizer file needs to be checked in.
 */
final class BpeTrainer {
    private BpeTrainer() { }

    /** The merges, in rank order, as "left right". */
    static List<String> merges(Map<List<String>, Integer> words, int count) {
        Map<List<String>, Integer> current = new LinkedHashMap<>(words);
        List<String> merges = new ArrayList<>();
        for (int step = 0; step < count; step++) {
            Map<String, Integer> pairs = new HashMap<>();
            current.forEach((w, c) -> {
                for (int i = 1; i < w.size(); i++) {
                    pairs.merge(w.get(i - 1) + " " + w.get(i), c, Integer::sum);
                }
            });
            String best = null;
            int bestCount = 1;
            for (Map.Entry<String, Integer> e : pairs.entrySet()) {
                if (e.getValue() > bestCount || e.getValue() == bestCount && best != null && e.getKey().compareTo(best) < 0) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            if (best == null) {
                break;
            }
            merges.add(best);
            String left = best.substring(0, best.indexOf(' '));
            String right = best.substring(best.indexOf(' ') + 1);
            Map<List<String>, Integer> next = new LinkedHashMap<>();
            current.forEach((w, c) -> {
                List<String> merged = new ArrayList<>(w.size());
                for (int i = 0; i < w.size(); i++) {
                    if (i + 1 < w.size() && w.get(i).equals(left) && w.get(i + 1).equals(right)) {
                        merged.add(left + right);
                        i++;
                    } else {
                        merged.add(w.get(i));
                    }
                }
                next.merge(merged, c, Integer::sum);
            });
            current = next;
        }
        return merges;
    }

    /** The symbols (UTF-16 code points as strings) of {@code word}. */
    static List<String> symbols(String word) {
        return word.codePoints().mapToObj(cp -> new String(Character.toChars(cp))).toList();
    }
}
