package dev.dlforge.models.retrieval;

import static dev.dlforge.models.retrieval.SmallCorpus.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkIndexReaderTest {
    @TempDir
    Path dir;

    private ChunkIndexWriter open() {
        return ChunkIndexWriter.open(dir, SharedMiniLm.embedder());
    }

    @Test
    void readersSeeOnlyCommittedChanges() {
        try (ChunkIndexWriter index = open()) {
            SmallCorpus.indexInto(index);
            try (ChunkIndexReader reader = ChunkIndexReader.open(dir, SharedMiniLm.embedder())) {
                index.removeSources(List.of("notes/cars.txt"));
                assertThat(reader.chunkCount()).isEqualTo(7);
                index.commit();
                assertThat(reader.chunkCount()).isEqualTo(4);
            }
        }
    }

    @Test
    void aWritersReaderSeesUncommittedChangesAndClosesWithTheWriter() {
        try (ChunkIndexWriter index = open()) {
            SmallCorpus.indexInto(index);
            index.replaceSource("docs/late.md", "1", List.of(chunk("late#0", "docs/late.md", "", 0, "Uncommitted zeppelin text.")));
            index.reader().close(); // belongs to the writer: nothing happens
            assertThat(index.reader().chunkCount()).isEqualTo(8);
            assertThat(new Bm25Retriever(index.reader()).retrieve("zeppelin", 5, ChunkFilter.none())).hasSize(1);
            index.commit();
        }
        try (ChunkIndexReader reader = ChunkIndexReader.open(dir, SharedMiniLm.embedder())) {
            assertThat(reader.sources()).containsKey("docs/late.md");
        }
    }

    @Test
    void aMissingIndexOrAnotherEmbedderIsAClearError() {
        assertThatThrownBy(() -> ChunkIndexReader.open(dir.resolve("none"), SharedMiniLm.embedder()))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("no index");
        open().close();
        TextEmbedder other = new TextEmbedder() {
            @Override
            public String name() {
                return "some-768-d-model";
            }

            @Override
            public int dimension() {
                return 768;
            }

            @Override
            public float[][] embed(List<String> texts) {
                throw new AssertionError("never called");
            }
        };
        assertThatThrownBy(() -> ChunkIndexWriter.open(dir, other)).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("384-d vectors from all-MiniLM-L6-v2");
    }
}
