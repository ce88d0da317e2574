package dev.dlforge.models.retrieval;

import static dev.dlforge.models.retrieval.SmallCorpus.chunk;
import static dev.dlforge.models.retrieval.SmallCorpus.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkIndexWriterTest {
    @TempDir
    Path dir;

    private ChunkIndexWriter open() {
        return ChunkIndexWriter.open(dir, SharedMiniLm.embedder());
    }

    @Test
    void replacingASourceSwapsAllItsChunksAndItsFingerprint() {
        try (ChunkIndexWriter index = open()) {
            SmallCorpus.indexInto(index);
            assertThat(index.reader().chunkCount()).isEqualTo(7);
            SourceRecord r = index.replaceSource("docs/whales.md", "v2",
                    List.of(chunk("whales#0", "docs/whales.md", "Whaling", 0, "A narwhal has a single long spiral tusk.")));
            index.commit();
            assertThat(r).isEqualTo(new SourceRecord("docs/whales.md", "v2", 1, 0));
            assertThat(index.reader().chunkCount()).isEqualTo(6);
            Bm25Retriever bm25 = new Bm25Retriever(index.reader());
            assertThat(bm25.retrieve("ambergris", 5, ChunkFilter.none())).isEmpty();
            assertThat(ids(bm25.retrieve("narwhal tusk", 5, ChunkFilter.none()))).containsExactly("whales#0");
            assertThat(index.reader().sources().get("docs/whales.md").fingerprint()).isEqualTo("v2");
        }
        try (ChunkIndexWriter reopened = open()) {
            assertThat(reopened.reader().sources()).containsOnlyKeys("docs/whales.md", "docs/cooking.md", "notes/cars.txt");
            assertThat(reopened.reader().sources().get("docs/cooking.md")).isEqualTo(new SourceRecord("docs/cooking.md", "v1", 2, 0));
        }
    }

    @Test
    void aSourceWithNoChunksIsStillListedWithItsFingerprint() {
        try (ChunkIndexWriter index = open()) {
            assertThat(index.replaceSource("empty.txt", "size=0", List.of())).isEqualTo(new SourceRecord("empty.txt", "size=0", 0, 0));
            index.commit();
            assertThat(index.reader().sources()).containsOnlyKeys("empty.txt");
            assertThat(index.reader().chunkCount()).isZero();
            assertThatThrownBy(() -> index.replaceSource("x.txt", "1", List.of(chunk("y#0", "y.txt", "", 0, "wrong source"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not x.txt");
        }
    }

    @Test
    void sourcesNoLongerPresentAreRemoved() {
        try (ChunkIndexWriter index = open()) {
            SmallCorpus.indexInto(index);
            assertThat(index.retainSources(Set.of("docs/whales.md", "docs/cooking.md", "docs/new.md"))).containsExactly("notes/cars.txt");
            index.commit();
            assertThat(index.reader().sources()).containsOnlyKeys("docs/whales.md", "docs/cooking.md");
            assertThat(index.reader().chunkCount()).isEqualTo(4);
            assertThat(new VectorRetriever(index.reader()).retrieve("car battery", 10, ChunkFilter.none()))
                    .noneMatch(h -> h.chunk().source().startsWith("notes/"));
        }
    }

    @Test
    void chunksWhoseTextIsAlreadyIndexedAreSkipped() {
        String boilerplate = "Copyright 2026 the authors. All rights reserved.";
        try (ChunkIndexWriter index = open()) {
            index.replaceSource("a.txt", "1", List.of(chunk("a#0", "a.txt", "", 0, boilerplate), chunk("a#1", "a.txt", "", 0, "Alpha text.")));
            SourceRecord b = index.replaceSource("b.txt", "1", List.of(chunk("b#0", "b.txt", "", 0, boilerplate),
                    chunk("b#1", "b.txt", "", 0, "Beta text."), chunk("b#2", "b.txt", "", 0, "Beta text.")));
            assertThat(b).isEqualTo(new SourceRecord("b.txt", "1", 1, 2));
            assertThat(index.reader().chunkCount()).isEqualTo(3);
            // re-indexing the owner keeps its own chunks: they are not duplicates of themselves
            assertThat(index.replaceSource("a.txt", "2", List.of(chunk("a#0", "a.txt", "", 0, boilerplate))))
                    .isEqualTo(new SourceRecord("a.txt", "2", 1, 0));
            index.commit();
        }
        try (ChunkIndexWriter reopened = open()) { // the dedup memory is rebuilt from the index
            assertThat(reopened.replaceSource("c.txt", "1", List.of(chunk("c#0", "c.txt", "", 0, "Beta text."))).duplicates()).isEqualTo(1);
        }
    }

    @Test
    void closingWithoutCommitKeepsTheLastCommittedState() {
        try (ChunkIndexWriter index = open()) {
            SmallCorpus.indexInto(index);
            index.replaceSource("docs/late.md", "1", List.of(chunk("late#0", "docs/late.md", "", 0, "Uncommitted zeppelin text.")));
            index.removeSources(List.of("notes/cars.txt"));
            assertThat(index.reader().sources()).containsKey("docs/late.md"); // the writer sees its own changes
        }
        try (ChunkIndexWriter reopened = open()) {
            assertThat(reopened.reader().sources()).containsOnlyKeys("docs/whales.md", "docs/cooking.md", "notes/cars.txt");
            assertThat(new Bm25Retriever(reopened.reader()).retrieve("zeppelin", 5, ChunkFilter.none())).isEmpty();
        }
    }

    @Test
    void aSecondWriterGetsALockedIndexErrorWithAHint() {
        try (ChunkIndexWriter index = open()) {
            SmallCorpus.indexInto(index);
            assertThatThrownBy(this::open).isInstanceOf(DlforgeException.class)
                    .hasMessageContaining("locked").hasMessageContaining("write.lock")
                    .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("wait for the other").contains("delete"));
            try (ChunkIndexReader reader = ChunkIndexReader.open(dir, SharedMiniLm.embedder())) {
                assertThat(reader.chunkCount()).isEqualTo(7); // searching works while locked
            }
        }
    }

    @Test
    void garbageInASegmentFileGivesACorruptIndexErrorWithAHint() throws IOException {
        try (ChunkIndexWriter index = open()) {
            SmallCorpus.indexInto(index);
        }
        List<Path> segments;
        try (var files = Files.list(dir)) {
            segments = files.filter(p -> p.getFileName().toString().endsWith(".cfs")).toList();
        }
        assertThat(segments).isNotEmpty();
        Random random = new Random(1);
        for (Path p : segments) {
            byte[] garbage = new byte[(int) Files.size(p)];
            random.nextBytes(garbage);
            Files.write(p, garbage);
        }
        for (Runnable opening : List.<Runnable>of(() -> open().close(), () -> ChunkIndexReader.open(dir, SharedMiniLm.embedder()).close())) {
            assertThatThrownBy(opening::run).isInstanceOf(DlforgeException.class).hasMessageContaining("corrupt")
                    .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("rag index"));
        }
    }
}
