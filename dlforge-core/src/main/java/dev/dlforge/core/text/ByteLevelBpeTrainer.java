package dev.dlforge.core.text;

import dev.dlforge.core.DlforgeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Learns a byte-level BPE vocabulary from scratch (Sennrich et al. 2016, as GPT-2 applies it to
 * bytes). The vocabulary starts as the special tokens (ids 0..k-1) and the 256 byte symbols in
 * code-point order; then, over the distinct pre-tokens weighted by their frequency, the most
 * frequent adjacent pair of symbols is merged into a new symbol, again and again, until the
 * vocabulary has {@code vocabSize} entries or no pair is left.
 *
 * <p>Pair counts are kept up to date incrementally: a merge revisits only the pre-tokens that
 * contain the merged pair and applies the change in their pair counts. The best pair comes from a
 * heap with lazy deletion (an entry whose count is stale is skipped). Ties go to the pair whose
 * (left id, right id) is smallest, so training is deterministic.
 */
public final class ByteLevelBpeTrainer {
    private ByteLevelBpeTrainer() {}

    /** A candidate merge as it was counted when queued. */
    private record Candidate(long pair, long count) {}

    public static ByteLevelBpe train(Iterable<String> texts, int vocabSize, List<String> specialTokens) {
        if (vocabSize < specialTokens.size() + 256) {
            throw new DlforgeException("a byte-level BPE vocabulary of " + vocabSize + " cannot hold the 256 byte symbols and "
                    + specialTokens.size() + " special tokens", "ask for a vocabulary of at least " + (specialTokens.size() + 256));
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        List<String> idToToken = new ArrayList<>();
        for (String s : specialTokens) {
            if (vocab.putIfAbsent(s, vocab.size()) == null) {
                idToToken.add(s);
            }
        }
        for (int c = 0; c < 512; c++) {
            if (ByteLevelAlphabet.byteOf((char) c) >= 0) {
                String t = String.valueOf((char) c);
                vocab.put(t, vocab.size());
                idToToken.add(t);
            }
        }

        Map<String, Integer> wordCounts = countPreTokens(texts, specialTokens);
        int nWords = wordCounts.size();
        int[][] words = new int[nWords][];
        long[] counts = new long[nWords];
        int w = 0;
        for (Map.Entry<String, Integer> e : wordCounts.entrySet()) {
            String spelled = e.getKey();
            int[] symbols = new int[spelled.length()];
            for (int i = 0; i < symbols.length; i++) {
                symbols[i] = vocab.get(String.valueOf(spelled.charAt(i)));
            }
            words[w] = symbols;
            counts[w++] = e.getValue();
        }

        Map<Long, long[]> pairCounts = new HashMap<>();
        Map<Long, Set<Integer>> where = new HashMap<>();
        for (w = 0; w < nWords; w++) {
            int[] s = words[w];
            for (int i = 0; i + 1 < s.length; i++) {
                long key = ByteLevelBpe.pairKey(s[i], s[i + 1]);
                pairCounts.computeIfAbsent(key, k -> new long[1])[0] += counts[w];
                where.computeIfAbsent(key, k -> new HashSet<>()).add(w);
            }
        }
        PriorityQueue<Candidate> heap = new PriorityQueue<>((a, b) ->
                a.count != b.count ? Long.compare(b.count, a.count) : Long.compare(a.pair, b.pair));
        pairCounts.forEach((k, c) -> heap.add(new Candidate(k, c[0])));

        List<String[]> merges = new ArrayList<>();
        while (vocab.size() < vocabSize && !heap.isEmpty()) {
            Candidate best = heap.poll();
            long[] current = pairCounts.get(best.pair);
            if (current == null || current[0] != best.count) {
                continue; // stale: the pair's count changed after this entry was queued
            }
            if (best.count <= 0) {
                break;
            }
            int left = (int) (best.pair >>> 32);
            int right = (int) best.pair;
            String merged = idToToken.get(left) + idToToken.get(right);
            Integer mergedId = vocab.get(merged);
            if (mergedId == null) {
                mergedId = vocab.size();
                vocab.put(merged, mergedId);
                idToToken.add(merged);
            }
            merges.add(new String[] {idToToken.get(left), idToToken.get(right)});
            applyMerge(best.pair, mergedId, words, counts, pairCounts, where, heap);
        }
        return new ByteLevelBpe(vocab, merges, specialIds(specialTokens, vocab));
    }

    /** Distinct pre-tokens, spelled in the byte alphabet, with how often each occurs. */
    private static Map<String, Integer> countPreTokens(Iterable<String> texts, List<String> specialTokens) {
        Pattern specials = specialTokens.isEmpty() ? null
                : Pattern.compile(String.join("|", specialTokens.stream().map(Pattern::quote).toList()));
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            for (String part : specials == null ? new String[] {text} : specials.split(text)) {
                for (String piece : Gpt2PreTokenizer.split(part)) {
                    counts.merge(ByteLevelAlphabet.encode(piece.getBytes(StandardCharsets.UTF_8)), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * Rewrites every pre-token holding {@code pair} and moves the pair counts by the difference
     * between its pairs after and before, times its frequency.
     */
    private static void applyMerge(long pair, int mergedId, int[][] words, long[] counts,
            Map<Long, long[]> pairCounts, Map<Long, Set<Integer>> where, PriorityQueue<Candidate> heap) {
        int left = (int) (pair >>> 32);
        int right = (int) pair;
        Set<Integer> holders = where.remove(pair);
        pairCounts.remove(pair);
        Map<Long, Long> delta = new HashMap<>();
        for (int w : holders) {
            int[] s = words[w];
            int[] out = new int[s.length];
            int n = 0;
            boolean changed = false;
            for (int i = 0; i < s.length; i++) {
                if (i + 1 < s.length && s[i] == left && s[i + 1] == right) {
                    out[n++] = mergedId;
                    i++;
                    changed = true;
                } else {
                    out[n++] = s[i];
                }
            }
            if (!changed) {
                continue; // a stale holder: an earlier merge already consumed the pair here
            }
            long c = counts[w];
            for (int i = 0; i + 1 < s.length; i++) {
                delta.merge(ByteLevelBpe.pairKey(s[i], s[i + 1]), -c, Long::sum);
            }
            for (int i = 0; i + 1 < n; i++) {
                long key = ByteLevelBpe.pairKey(out[i], out[i + 1]);
                delta.merge(key, c, Long::sum);
                if (key != pair) {
                    where.computeIfAbsent(key, k -> new HashSet<>()).add(w);
                }
            }
            words[w] = java.util.Arrays.copyOf(out, n);
        }
        delta.forEach((key, d) -> {
            if (key == pair || d == 0) {
                return;
            }
            long[] c = pairCounts.computeIfAbsent(key, k -> new long[1]);
            c[0] += d;
            if (c[0] <= 0) {
                pairCounts.remove(key);
            } else {
                heap.add(new Candidate(key, c[0]));
            }
        });
    }

    private static Map<String, Integer> specialIds(List<String> specialTokens, Map<String, Integer> vocab) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String s : specialTokens) {
            out.put(s, vocab.get(s));
        }
        return out;
    }
}
