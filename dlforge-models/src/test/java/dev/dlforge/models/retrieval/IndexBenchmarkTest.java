package dev.dlforge.models.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark itself runs on demand; this checks that a tiny run measures what it claims. */
class IndexBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void aSmallRunBuildsTheIndexAndTimesEveryRetriever() throws Exception {
        Path index = dir.resolve("bench");
        Files.createDirectories(index);
        Files.writeString(index.resolve("stale-file"), "from an earlier run");
        IndexBenchmark.Result r = IndexBenchmark.run(new IndexBenchmark.Config(index, 250, false, 20, 5, 7),
                new RandomUnitEmbedder(384));
        assertThat(index.resolve("stale-file")).doesNotExist();
        assertThat(r.chunks()).isEqualTo(250);
        assertThat(r.indexBytes()).isGreaterThan(250L * 384 * 4); // at least the raw vectors
        assertThat(r.latencies()).extracting(IndexBenchmark.Latency::retriever)
                .containsExactly("bm25", "vector", "hybrid", "hybrid+rerank");
        assertThat(r.latencies()).allSatisfy(l -> assertThat(l.p99()).isGreaterThanOrEqualTo(l.p50()).isPositive());
        try (ChunkIndexReader built = ChunkIndexReader.open(index, new RandomUnitEmbedder(384))) {
            assertThat(built.chunkCount()).isEqualTo(250);
            assertThat(built.sources()).hasSize(3);
        }
        assertThat(r.vectorRecallAt10()).containsOnlyKeys(64, 256)
                .allSatisfy((candidates, recall) -> assertThat(recall).isGreaterThan(0.9)); // 250 vectors: near exact
        assertThat(r.toMarkdown()).contains("| hybrid+rerank |").contains("chunks 250");
    }

    @Test
    void percentileIsTheNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(IndexBenchmark.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(IndexBenchmark.percentile(sorted, 0.99)).isEqualTo(10);
        assertThat(IndexBenchmark.percentile(new double[] {3}, 0.99)).isEqualTo(3);
    }

    @Test
    void randomUnitVectorsAreUnitLengthAndRepeatForEqualTexts() {
        float[][] v = new RandomUnitEmbedder(384).embed(java.util.List.of("a", "b", "a"));
        double norm = 0;
        for (float x : v[1]) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(v[0]).containsExactly(v[2]);
        assertThat(v[0]).isNotEqualTo(v[1]);
    }
}
