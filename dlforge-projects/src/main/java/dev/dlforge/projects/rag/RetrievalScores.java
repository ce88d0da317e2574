package dev.dlforge.projects.rag;

import java.util.List;

/**
 * Retrieval quality of one mode over a question set, from the 1-based rank of each question's gold
 * document in the top 10 (0 when absent): recall@k = share of questions with 1 <= rank <= k;
 * MRR@10 = mean of 1 / rank (0 when absent).
 */
public record RetrievalScores(String mode, int questions, double recallAt1, double recallAt5, double recallAt10, double mrr,
        double secondsPerQuestion) {
    /** Ranks deeper than this count as misses. */
    public static final int DEPTH = 10;

    public static RetrievalScores of(String mode, List<Integer> ranks, double seconds) {
        int n = ranks.size();
        double r1 = 0;
        double r5 = 0;
        double r10 = 0;
        double rr = 0;
        for (int rank : ranks) {
            if (rank >= 1 && rank <= DEPTH) {
                r1 += rank <= 1 ? 1 : 0;
                r5 += rank <= 5 ? 1 : 0;
                r10 += 1;
                rr += 1.0 / rank;
            }
        }
        double d = Math.max(1, n);
        return new RetrievalScores(mode, n, r1 / d, r5 / d, r10 / d, rr / d, n == 0 ? 0 : seconds / n);
    }
}
