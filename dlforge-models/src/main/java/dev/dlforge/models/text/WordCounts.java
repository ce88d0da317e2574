package dev.dlforge.models.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary word2vec trains on: words seen at least {@code minCount} times, most frequent
 * first (ties alphabetical, so the order is reproducible), with their counts.
 */
record WordCounts(String[] words, long[] counts, Map<String, Integer> index) {

    static WordCounts count(Iterable<? extends List<String>> sentences, int minCount) {
        Map<String, long[]> counts = new HashMap<>();
        for (List<String> s : sentences) {
            for (String w : s) {
                counts.computeIfAbsent(w, k -> new long[1])[0]++;
            }
        }
        String[] words = counts.entrySet().stream()
                .filter(e -> e.getValue()[0] >= minCount)
                .sorted((a, b) -> a.getValue()[0] != b.getValue()[0]
                        ? Long.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()))
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
        long[] kept = new long[words.length];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            kept[i] = counts.get(words[i])[0];
            index.put(words[i], i);
        }
        return new WordCounts(words, kept, index);
    }

    int size() {
        return words.length;
    }

    long total() {
        return Arrays.stream(counts).sum();
    }
}
