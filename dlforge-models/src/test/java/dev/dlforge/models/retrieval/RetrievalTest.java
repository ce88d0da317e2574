package dev.dlforge.models.retrieval;

import static dev.dlforge.models.retrieval.SmallCorpus.AMBERGRIS;
import static dev.dlforge.models.retrieval.SmallCorpus.BREAD;
import static dev.dlforge.models.retrieval.SmallCorpus.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalTest {
    private static final String PARAPHRASE = "How long should a loaf be cooked in a hot stove?";
    @TempDir
    static Path dir;
    private static ChunkIndexWriter index;
    private static Bm25Retriever bm25;
    private static VectorRetriever vector;
    private static HybridRetriever hybrid;

    @BeforeAll
    static void build() {
        index = ChunkIndexWriter.open(dir.resolve("index"), SharedMiniLm.embedder());
        SmallCorpus.indexInto(index);
        bm25 = new Bm25Retriever(index.reader());
        vector = new VectorRetriever(index.reader());
        hybrid = HybridRetriever.of(index.reader());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void bm25FindsAnExactRareWord() {
        List<ScoredChunk> hits = bm25.retrieve("ambergris", 3, ChunkFilter.none());
        assertThat(ids(hits)).containsExactly(AMBERGRIS);
        assertThat(hits.get(0).ranks()).containsEntry("bm25", 1);
        assertThat(hits.get(0).chunk().heading()).isEqualTo("Whaling");
    }

    @Test
    void bm25MatchesOtherFormsOfAWordThroughStemming() {
        assertThat(ids(bm25.retrieve("harpooneers whaled", 3, ChunkFilter.none()))).startsWith("whales#0");
    }

    @Test
    void vectorSearchFindsAParaphraseThatBm25Misses() {
        assertThat(ids(bm25.retrieve(PARAPHRASE, 7, ChunkFilter.none()))).doesNotContain(BREAD);
        List<ScoredChunk> hits = vector.retrieve(PARAPHRASE, 3, ChunkFilter.none());
        assertThat(hits.get(0).chunk().id()).isEqualTo(BREAD);
        assertThat(hits.get(0).score()).isBetween(0.3, 1.0); // a cosine
        assertThat(hits).extracting(ScoredChunk::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void vectorSearchAgreesWithAnExhaustiveScanOnASmallIndex() {
        float[] q = SharedMiniLm.embedder().embed(List.of(PARAPHRASE))[0];
        assertThat(ids(vector.retrieve(q, 5, ChunkFilter.none()))).containsExactlyElementsOf(index.reader().exactNearest(q, 5));
    }

    @Test
    void hybridContainsWhatEitherRetrieverRanksFirst() {
        String query = "ambergris, and how long a loaf should be cooked in a hot stove";
        String lexical = bm25.retrieve(query, 1, ChunkFilter.none()).get(0).chunk().id();
        String dense = vector.retrieve(query, 1, ChunkFilter.none()).get(0).chunk().id();
        assertThat(lexical).isEqualTo(AMBERGRIS);
        assertThat(dense).isEqualTo(BREAD);
        List<ScoredChunk> hits = hybrid.retrieve(query, 2, ChunkFilter.none());
        assertThat(ids(hits)).containsExactlyInAnyOrder(AMBERGRIS, BREAD);
        ScoredChunk ambergris = hits.stream().filter(h -> h.chunk().id().equals(AMBERGRIS)).findFirst().orElseThrow();
        assertThat(ambergris.ranks()).containsEntry("bm25", 1).containsKey("vector");
        // weighted RRF with k = 5: 1/(5 + bm25 rank) + 0.35/(5 + vector rank)
        assertThat(ambergris.score()).isCloseTo(1.0 / 6 + 0.35 / (5 + ambergris.ranks().get("vector")),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void rerankingOrdersTheFusedCandidatesByExactCosine() {
        List<ScoredChunk> hits = hybrid.withRerank(true).retrieve(PARAPHRASE, 3, ChunkFilter.none());
        assertThat(hits.get(0).chunk().id()).isEqualTo(BREAD);
        assertThat(hits).extracting(h -> h.ranks().get("rerank")).containsExactly(1, 2, 3);
        List<ScoredChunk> dense = vector.retrieve(PARAPHRASE, 7, ChunkFilter.none());
        for (ScoredChunk h : hits) {
            double cosine = dense.stream().filter(d -> d.chunk().id().equals(h.chunk().id())).findFirst().orElseThrow().score();
            assertThat(h.score()).isCloseTo(cosine, org.assertj.core.api.Assertions.within(1e-4));
        }
    }

    @Test
    void sourcePrefixFilterIsAppliedInsideTheSearch() {
        // the paraphrase's best chunk is in docs/, yet k results come from notes/ only
        ChunkFilter notes = ChunkFilter.sourcePrefix("notes/");
        assertThat(vector.retrieve(PARAPHRASE, 3, notes)).hasSize(3).allMatch(h -> h.chunk().source().startsWith("notes/"));
        assertThat(hybrid.retrieve(PARAPHRASE, 3, notes)).hasSize(3).allMatch(h -> h.chunk().source().startsWith("notes/"));
        assertThat(bm25.retrieve("ambergris", 3, notes)).isEmpty();
    }

    @Test
    void pageRangeAndHeadingFiltersSelectByMetadata() {
        assertThat(ids(vector.retrieve("car trouble", 5, ChunkFilter.none().withPages(4, 5)))).containsExactly("cars#1");
        assertThat(ids(hybrid.retrieve("eggs bread sugar", 5, ChunkFilter.none().withHeadingContaining("RECIPES*"))))
                .isEmpty(); // '*' is literal, not a wildcard
        assertThat(ids(hybrid.retrieve("eggs bread sugar", 5, ChunkFilter.none().withHeadingContaining("recipes:"))))
                .containsExactlyInAnyOrder(BREAD, "cooking#1");
    }

    @Test
    void queriesOfAnyLengthOrScriptWork() {
        String huge = "Where does ambergris come from? ".repeat(320) + "鲸鱼 🐋";
        assertThat(huge.length()).isGreaterThan(10_000);
        for (String query : List.of(huge, "鲸鱼是什么？", "🐳🐋🐟", "the of and", "a\u0000b\u200B", "C++ && (foo) OR bar:* \"")) {
            for (Retriever r : List.of(bm25, vector, hybrid, hybrid.withRerank(true))) {
                assertThat(r.retrieve(query, 3, ChunkFilter.none())).as("%s on %s", r.name(), query).hasSizeLessThanOrEqualTo(3);
            }
        }
        assertThat(bm25.retrieve("the of and", 3, ChunkFilter.none())).isEmpty();
        assertThat(ids(bm25.retrieve(huge, 1, ChunkFilter.none()))).containsExactly(AMBERGRIS);
    }

    @Test
    void anEmptyQueryIsAClearError() {
        for (Retriever r : List.of(bm25, vector, hybrid)) {
            for (String q : new String[] {"", "  \n\t", null}) {
                assertThatThrownBy(() -> r.retrieve(q, 3, ChunkFilter.none()))
                        .isInstanceOf(DlforgeException.class).hasMessageContaining("empty");
            }
        }
    }
}
