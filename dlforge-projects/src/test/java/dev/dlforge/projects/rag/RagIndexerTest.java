package dev.dlforge.projects.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.docs.FolderWalk;
import dev.dlforge.data.docs.Skipped;
import dev.dlforge.models.retrieval.ChunkIndexReader;
import dev.dlforge.models.retrieval.ChunkIndexWriter;
import dev.dlforge.models.retrieval.MiniLmEmbedder;
import dev.dlforge.models.text.MiniLmEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RagIndexerTest {
    private static MiniLmEncoder encoder;

    @BeforeAll
    static void open() {
        encoder = MiniLmEncoder.open();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void indexesEveryFormatAndSkipsBinaryEmptyAndUnsupportedFilesWithReasons(@TempDir Path tmp) throws Exception {
        Path docs = SampleDocs.write(tmp.resolve("docs"));
        try (ChunkIndexWriter index = ChunkIndexWriter.open(tmp.resolve("index"), new MiniLmEmbedder(encoder))) {
            IndexSummary s = RagIndexer.miniLm(encoder).index(List.of(docs), index);
            assertThat(s.indexed()).isEqualTo(4);
            assertThat(s.unchanged()).isZero();
            assertThat(s.skippedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of("binary content", 1L, "empty", 1L, "unsupported type", 1L));
            assertThat(s.skipped()).extracting(Skipped::source).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("binary.txt", "empty.md", "notes.xyz");
            assertThat(s.chunksAdded()).isEqualTo(s.totalChunks()).isGreaterThanOrEqualTo(5); // harpoons.md has two sections
            assertThat(index.reader().sources().keySet()).extracting(k -> Path.of(k).getFileName().toString())
                    .containsExactlyInAnyOrder("whales.txt", "harpoons.md", "ships.html", "lighthouse.pdf");
        }
    }

    @Test
    void reindexingSkipsUnchangedFilesReplacesChangedOnesAndRemovesDeletedOnes(@TempDir Path tmp) throws Exception {
        Path docs = SampleDocs.write(tmp.resolve("docs"));
        RagIndexer indexer = RagIndexer.miniLm(encoder);
        try (ChunkIndexWriter index = ChunkIndexWriter.open(tmp.resolve("index"), new MiniLmEmbedder(encoder))) {
            indexer.index(List.of(docs), index);
            Files.writeString(docs.resolve("sub/harpoons.md"), "# Harpoons\n\nA toggling harpoon has a head that turns sideways in the flesh.\n");
            Files.delete(docs.resolve("ships.html"));
            IndexSummary s = indexer.index(List.of(docs), index);
            assertThat(s.indexed()).isEqualTo(1);
            assertThat(s.unchanged()).isEqualTo(2);
            assertThat(s.removed()).singleElement().asString().endsWith("ships.html");
            assertThat(index.reader().sources()).hasSize(3);
            String harpoons = RagIndexer.sourceOf(docs.resolve("sub/harpoons.md"));
            assertThat(index.reader().sources().get(harpoons).chunks()).isEqualTo(1);
        }
        try (ChunkIndexReader reopened = ChunkIndexReader.open(tmp.resolve("index"), new MiniLmEmbedder(encoder))) {
            assertThat(reopened.sources()).hasSize(3); // the summary's changes were committed
        }
    }

    @Test
    void symbolicLinksOutOfTheFolderAreNotIndexedUnlessFollowedAndWhatTheyLetInLeavesWithThem(@TempDir Path tmp) throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("whales.txt"), "A sperm whale can hold its breath for ninety minutes.\n");
        Path outside = Files.createDirectories(tmp.resolve("outside/private"));
        Files.writeString(tmp.resolve("outside/passwd"), "The vault password is swordfish.\n");
        Files.writeString(outside.resolve("diary.md"), "# Diary\n\nThe vault password is swordfish, I wrote it down.\n");
        Files.createSymbolicLink(docs.resolve("passwd.txt"), tmp.resolve("outside/passwd"));
        Files.createSymbolicLink(docs.resolve("notes.txt"), Path.of("../outside/passwd")); // relative, through ".."
        Files.createSymbolicLink(docs.resolve("private"), outside);
        RagIndexer indexer = RagIndexer.miniLm(encoder);
        ExtractiveAnswerer.Config bm25 = ExtractiveAnswerer.Config.defaults().withMode(RetrievalMode.BM25);

        try (ChunkIndexWriter index = ChunkIndexWriter.open(tmp.resolve("index"), new MiniLmEmbedder(encoder))) {
            IndexSummary s = indexer.index(List.of(docs), index);
            assertThat(index.reader().sources().keySet()).containsExactly(RagIndexer.sourceOf(docs.resolve("whales.txt")));
            assertThat(s.skippedByReason()).containsExactlyEntriesOf(Map.of("symbolic link", 3L));
            assertThat(s.linksSkipped()).isEqualTo(3);
            assertThat(new ExtractiveAnswerer(index.reader(), bm25).answer("What is the vault password?").render()).doesNotContain("swordfish");

            IndexSummary followed = indexer.index(List.of(docs), index, FolderWalk.Links.FOLLOW);
            assertThat(followed.indexed()).isEqualTo(3);
            assertThat(index.reader().sources().keySet()).extracting(k -> docs.relativize(Path.of(k)).toString())
                    .containsExactlyInAnyOrder("whales.txt", "passwd.txt", "notes.txt", "private/diary.md");
            assertThat(new ExtractiveAnswerer(index.reader(), bm25).answer("What is the vault password?").render()).contains("swordfish");

            IndexSummary again = indexer.index(List.of(docs), index);
            assertThat(again.removed()).hasSize(3);
            assertThat(index.reader().sources()).hasSize(1);
            assertThat(new ExtractiveAnswerer(index.reader(), bm25).answer("What is the vault password?").render()).doesNotContain("swordfish");
        }
    }

    @Test
    void aMissingInputIsReportedAndNothingElseIsTouched(@TempDir Path tmp) throws Exception {
        try (ChunkIndexWriter index = ChunkIndexWriter.open(tmp.resolve("index"), new MiniLmEmbedder(encoder))) {
            IndexSummary s = RagIndexer.miniLm(encoder).index(List.of(tmp.resolve("nowhere")), index);
            assertThat(s.indexed()).isZero();
            assertThat(s.skipped()).singleElement().extracting(Skipped::detail).isEqualTo("no such file or folder");
        }
    }

    @Test
    void aCorruptIndexGivesAClearError(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("index");
        try (ChunkIndexWriter index = ChunkIndexWriter.open(dir, new MiniLmEmbedder(encoder))) {
            RagIndexer.miniLm(encoder).index(List.of(SampleDocs.write(tmp.resolve("docs")).resolve("whales.txt")), index);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        assertThatThrownBy(() -> ChunkIndexReader.open(dir, new MiniLmEmbedder(encoder)))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("corrupt");
    }

    @Test
    void indexNamesArePlainFolderNames() {
        assertThat(RagIndexer.home("notes-2024").getFileName().toString()).isEqualTo("notes-2024");
        assertThatThrownBy(() -> RagIndexer.home("../etc")).isInstanceOf(DlforgeException.class).hasMessageContaining("not a plain name");
    }
}
