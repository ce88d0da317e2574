package dev.dlforge.models.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {
    @Test
    void scoresAreSumsOfReciprocalRanksWithK60() {
        List<ScoredChunk> bm25 = ranking("bm25", "a", "b", "c");
        List<ScoredChunk> vector = ranking("vector", "c", "d", "a");
        List<ScoredChunk> fused = ReciprocalRankFusion.paper().fuse(List.of(bm25, vector));

        // a: 1/61 + 1/63 = 0.032266, c: 1/63 + 1/61 (tie, best rank 1 each; id breaks it), b: 1/62, d: 1/62
        assertThat(SmallCorpus.ids(fused)).containsExactly("a", "c", "b", "d");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 63, within(1e-15));
        assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, within(1e-15));
        assertThat(fused.get(0).ranks()).isEqualTo(Map.of("bm25", 1, "vector", 3));
        assertThat(fused.get(3).ranks()).isEqualTo(Map.of("vector", 2));
    }

    @Test
    void agreementBeatsASingleFirstPlace() {
        // x is first in one list only; y is second in both: 2/62 > 1/61
        List<ScoredChunk> fused = ReciprocalRankFusion.paper()
                .fuse(List.of(ranking("bm25", "x", "y"), ranking("vector", "z", "y")));
        assertThat(fused.get(0).chunk().id()).isEqualTo("y");
        assertThat(fused.get(0).score()).isCloseTo(2.0 / 62, within(1e-15));
    }

    @Test
    void smallKLetsTheTopRankDominate() {
        // with k = 0: x = 1/1 = 1.0 beats y = 1/2 + 1/2 = 1.0 only by the tie-break; with k = 1 x loses 1/2 < 2/3
        List<List<ScoredChunk>> lists = List.of(ranking("bm25", "x", "y"), ranking("vector", "z", "y"));
        assertThat(new ReciprocalRankFusion(1).fuse(lists).get(0).chunk().id()).isEqualTo("y");
        List<ScoredChunk> k0 = new ReciprocalRankFusion(0).fuse(lists);
        assertThat(k0.get(0).score()).isCloseTo(1.0, within(1e-15));
        assertThat(k0.get(1).score()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void weightsScaleEachRankingsShare() {
        // bm25 weight 1, vector 0.35, k = 5: x (bm25 1st) = 1/6 = 0.1667; y (bm25 2nd, vector 1st) = 1/7 + 0.35/6 = 0.2012;
        // z (vector 2nd only) = 0.35/7 = 0.05
        List<ScoredChunk> fused = new ReciprocalRankFusion(5, List.of(1.0, 0.35))
                .fuse(List.of(ranking("bm25", "x", "y"), ranking("vector", "y", "z")));
        assertThat(SmallCorpus.ids(fused)).containsExactly("y", "x", "z");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 7 + 0.35 / 6, within(1e-15));
        assertThat(fused.get(2).score()).isCloseTo(0.35 / 7, within(1e-15));
    }

    @Test
    void weightsMustMatchTheRankingsAndBePositive() {
        var fusion = new ReciprocalRankFusion(5, List.of(1.0, 0.5));
        assertThatThrownBy(() -> fusion.fuse(List.of(List.of()))).hasMessageContaining("2 weights for 1 rankings");
        assertThatThrownBy(() -> new ReciprocalRankFusion(5, List.of(1.0, 0.0))).hasMessageContaining("> 0");
        assertThatThrownBy(() -> new ReciprocalRankFusion(5, List.of(Double.NaN))).hasMessageContaining("> 0");
    }

    @Test
    void emptyRankingsFuseToNothing() {
        assertThat(ReciprocalRankFusion.paper().fuse(List.of(List.of(), List.of()))).isEmpty();
    }

    private static List<ScoredChunk> ranking(String retriever, String... ids) {
        List<ScoredChunk> out = new ArrayList<>();
        for (String id : ids) {
            out.add(new ScoredChunk(SmallCorpus.chunk(id, "s", "", 0, "text " + id), 100 - out.size(), Map.of(retriever, out.size() + 1)));
        }
        return out;
    }
}
