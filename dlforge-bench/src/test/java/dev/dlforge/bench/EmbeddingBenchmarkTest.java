package dev.dlforge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark's machinery on a few sentences; its throughput is only measured on demand. */
class EmbeddingBenchmarkTest {

    @Test
    void bothSidesEmbedTheSameSentencesAlikeAndReportThroughputs() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EmbeddingBenchmark.Result r = new EmbeddingBenchmark(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(new EmbeddingBenchmark.Setup(40, 2, 1));
        assertThat(r.ours()).hasSize(2).allSatisfy(v -> assertThat(v).isPositive().isFinite());
        assertThat(r.langchain4j()).hasSize(2).allSatisfy(v -> assertThat(v).isPositive().isFinite());
        assertThat(r.minCosine()).isGreaterThanOrEqualTo(1 - 1e-4);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("median", "dlforge / langchain4j");
    }

    @Test
    void sentencesAreVariedAndDeterministic() {
        var sentences = EmbeddingBenchmark.sentences(200, 5);
        assertThat(sentences).isEqualTo(EmbeddingBenchmark.sentences(200, 5))
                .allSatisfy(s -> assertThat(s.split(" ")).hasSizeBetween(4, 40));
        assertThat(sentences.stream().distinct().count()).isGreaterThan(180);
    }
}
