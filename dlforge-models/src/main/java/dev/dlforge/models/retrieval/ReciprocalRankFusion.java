package dev.dlforge.models.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009), optionally weighted: a chunk's
 * fused score is
 * <pre>
 * RRF(d) = sum over rankings r that contain d of w_r / (k + rank_r(d))     (rank is 1-based)
 * </pre>
 * The paper uses k = 60 and equal weights ({@link #paper()}). Only ranks count, so BM25 scores
 * and cosines need no common scale; a large k damps the weight of the very top ranks, so a chunk
 * ranked well by two retrievers beats one ranked first by only one, while a small k and unequal
 * weights let a stronger retriever lead and a weaker one break its ties ({@link HybridRetriever}).
 */
public final class ReciprocalRankFusion {
    public static final int PAPER_K = 60;
    private final int k;
    private final List<Double> weights;

    /** Equal weights. */
    public ReciprocalRankFusion(int k) {
        this(k, List.of());
    }

    /**
     * @param weights one per ranking given to {@link #fuse}, in the same order, each > 0; empty
     *     means 1 for every ranking
     */
    public ReciprocalRankFusion(int k, List<Double> weights) {
        if (k < 0) {
            throw new IllegalArgumentException("RRF k must be >= 0, got " + k);
        }
        if (weights.stream().anyMatch(w -> !(w > 0) || w.isInfinite())) {
            throw new IllegalArgumentException("RRF weights must be finite and > 0, got " + weights);
        }
        this.k = k;
        this.weights = List.copyOf(weights);
    }

    /** The paper's fusion: k = 60, equal weights. */
    public static ReciprocalRankFusion paper() {
        return new ReciprocalRankFusion(PAPER_K);
    }

    /**
     * Fuses ranked lists (each best first, chunks identified by id). The result holds every chunk
     * of every list once, by fused score, ties broken by best single rank, then id; its ranks are
     * the union of the ranks it had in each list.
     */
    public List<ScoredChunk> fuse(List<List<ScoredChunk>> rankings) {
        if (!weights.isEmpty() && weights.size() != rankings.size()) {
            throw new IllegalArgumentException(weights.size() + " weights for " + rankings.size() + " rankings");
        }
        Map<String, Chunk> chunks = new LinkedHashMap<>();
        Map<String, Double> scores = new HashMap<>();
        Map<String, Map<String, Integer>> ranks = new HashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<ScoredChunk> ranking = rankings.get(r);
            double weight = weights.isEmpty() ? 1 : weights.get(r);
            for (int i = 0; i < ranking.size(); i++) {
                ScoredChunk hit = ranking.get(i);
                String id = hit.chunk().id();
                chunks.putIfAbsent(id, hit.chunk());
                scores.merge(id, weight / (k + i + 1), Double::sum);
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

    /** One per ranking, or empty for equal weights. */
    public List<Double> weights() {
        return weights;
    }
}
