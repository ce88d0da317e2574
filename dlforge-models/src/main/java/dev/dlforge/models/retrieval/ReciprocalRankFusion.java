package dev.dlforge.models.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a chunk's fused score is
 * <pre>
 * RRF(d) = sum over rankings r that contain d of 1 / (k + rank_r(d))     (rank is 1-based)
 * </pre>
 * with k = 60 by default, the paper's value. Only ranks count, so BM25 scores and cosines need no
 * common scale; k damps the weight of the very top ranks, so a chunk ranked well by two retrievers
 * beats one ranked first by only one.
 */
public final class ReciprocalRankFusion {
    public static final int DEFAULT_K = 60;
    private final int k;

    public ReciprocalRankFusion(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("RRF k must be >= 0, got " + k);
        }
        this.k = k;
    }

    public static ReciprocalRankFusion defaults() {
        return new ReciprocalRankFusion(DEFAULT_K);
    }

    /**
     * Fuses ranked lists (each best first, chunks identified by id). The result holds every chunk
     * of every list once, by fused score, ties broken by best single rank, then id; its ranks are
     * the union of the ranks it had in each list.
     */
    public List<ScoredChunk> fuse(List<List<ScoredChunk>> rankings) {
        Map<String, Chunk> chunks = new LinkedHashMap<>();
        Map<String, Double> scores = new HashMap<>();
        Map<String, Map<String, Integer>> ranks = new HashMap<>();
        for (List<ScoredChunk> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                ScoredChunk hit = ranking.get(i);
                String id = hit.chunk().id();
                chunks.putIfAbsent(id, hit.chunk());
                scores.merge(id, 1.0 / (k + i + 1), Double::sum);
                ranks.computeIfAbsent(id, x -> new LinkedHashMap<>()).putAll(hit.ranks());
            }
        }
        List<ScoredChunk> out = new ArrayList<>(chunks.size());
        chunks.forEach((id, chunk) -> out.add(new ScoredChunk(chunk, scores.get(id), ranks.get(id))));
        out.sort(Comparator.comparingDouble(ScoredChunk::score).reversed()
                .thenComparingInt(ReciprocalRankFusion::bestRank)
                .thenComparing(h -> h.chunk().id()));
        return out;
    }

    private static int bestRank(ScoredChunk hit) {
        return hit.ranks().values().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
    }

    public int k() {
        return k;
    }
}
